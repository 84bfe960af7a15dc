-- Fewer indexes written per ingested CDR (issue 8). cdr_period_account_cdr_idx (period, account_id, cdr_id) and
-- cdr_period_trunk_cdr_idx (period, trunk_id, cdr_id) served only the keyset pages of a re-rating scoped to an
-- account or a trunk. Each ingested CDR went into both at a random place (cdr_id order), which cost the import
-- about a sixth of its time on PostgreSQL at 1,000,000 CDRs, and more as the month outgrows the server's cache.
-- A scoped page now reads cdr_period_cdr_idx (period, cdr_id) in order and filters the account or trunk: a scoped
-- re-rating reads the period's index once, a cost paid by the rare scoped run instead of by every import.
DROP INDEX cdr_period_account_cdr_idx;
DROP INDEX cdr_period_trunk_cdr_idx;
