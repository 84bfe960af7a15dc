-- Only the indexes a query needs (issue 8): every index costs each ingested CDR and each rating an index insert.
-- Checked with EXPLAIN on PostgreSQL and H2 over several periods of data (docs/architecture.md lists what each
-- remaining index serves).
-- cdr_file_idx (file_id): no query looks CDRs up by file; the per-file reconciliation aggregates every CDR in one
-- scan grouped by file_id, and the duplicate lookup joins cdr_file by its own primary key.
DROP INDEX cdr_file_idx;
-- rated_cdr_cdr_current_idx (cdr_id, is_current): the primary key (cdr_id, run_id) starts with cdr_id and serves the
-- same lookups (a CDR's ratings, the cdr_id range of a rating page, the join from cdr); a CDR has a handful of
-- ratings at most, so filtering is_current on them costs nothing.
DROP INDEX rated_cdr_cdr_current_idx;
