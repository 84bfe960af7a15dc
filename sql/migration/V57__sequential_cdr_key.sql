-- Keys in the order CDRs arrive (issue 8). cdr_key = file_id * 2^32 + line_no: a file's CDRs get increasing keys,
-- and a later file's are all higher, so an import appends to every index below instead of writing at a random
-- place (cdr_id order), which made each CDR dearer as the month outgrew the server's cache. The key is computed
-- from where the row came from, so a restarted import writes the same keys again.
--   cdr: the primary key stays cdr_id (the uniqueness check and the duplicate lookup of each import chunk).
--        cdr_key_idx serves the pages of a run without a period and every join from rated_cdr;
--        cdr_period_key_idx (period, cdr_key) the pages of a re-rating of a period, in place of (period, cdr_id).
--   rated_cdr: keyed (cdr_key, run_id); cdr_id stays as a column, unindexed.
--   rating_run_partition: a partition's position is the last cdr_key it committed. A run left RUNNING by an
--        earlier version loses its position and starts its scope again: finish runs before upgrading.
ALTER TABLE cdr ADD COLUMN cdr_key BIGINT;
UPDATE cdr SET cdr_key = file_id * 4294967296 + line_no;
ALTER TABLE cdr ALTER COLUMN cdr_key SET NOT NULL;
CREATE UNIQUE INDEX cdr_key_idx ON cdr (cdr_key);
DROP INDEX cdr_period_cdr_idx;
CREATE INDEX cdr_period_key_idx ON cdr (period, cdr_key);

ALTER TABLE rated_cdr ADD COLUMN cdr_key BIGINT;
UPDATE rated_cdr SET cdr_key = (SELECT c.cdr_key FROM cdr c WHERE c.cdr_id = rated_cdr.cdr_id);
ALTER TABLE rated_cdr ALTER COLUMN cdr_key SET NOT NULL;
ALTER TABLE rated_cdr DROP CONSTRAINT rated_cdr_pk;
ALTER TABLE rated_cdr ADD CONSTRAINT rated_cdr_pk PRIMARY KEY (cdr_key, run_id);

ALTER TABLE rating_run_partition ADD COLUMN last_cdr_key BIGINT;
ALTER TABLE rating_run_partition DROP COLUMN last_cdr_id;
