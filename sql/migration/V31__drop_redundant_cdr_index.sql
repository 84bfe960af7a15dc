-- cdr_period_account_idx (period, account_id) is a prefix of V30's cdr_period_account_cdr_idx
-- (period, account_id, cdr_id), which serves every query it served; one index less to maintain per CDR.
DROP INDEX cdr_period_account_idx;
