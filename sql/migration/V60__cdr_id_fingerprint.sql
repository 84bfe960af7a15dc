-- The import checks cdr_ids in memory (issue 8): the primary key on cdr_id goes. It was the one index of cdr written
-- in random order, about half of what storing a CDR cost PostgreSQL's server (docs/performance.md) and most of
-- H2's import. Uniqueness is now the import's: it keeps the 64-bit fingerprint of every stored cdr_id of the periods
-- its rows fall in, mapped to the CDR's cdr_key (cdr.KnownCdrIds), and reads a stored CDR by key (cdr_key_idx)
-- only when a row's fingerprint is known. One job runs at a time (job_run_lock), and the partitions of one import
-- never share a cdr_id, so nothing else stores a CDR meanwhile.
--   cdr_fp: the fingerprint of cdr_id (cdr.model.CdrIdFingerprint), so that an import loads a period's 8-byte
--           fingerprints instead of its ids. NULL for a CDR stored before this migration: the import computes it
--           from cdr_id when it loads the period.
ALTER TABLE cdr ADD COLUMN cdr_fp BIGINT;

-- The key was declared inline (V2): PostgreSQL named it cdr_pkey, H2 gave it a generated name. jOOQ's DDL parser
-- skips both statements, so the generated code still lists the key (no code uses it: cdr is written by COPY / JDBC
-- batch and read by query).
-- [jooq ignore start]
${postgresql_only}ALTER TABLE cdr DROP CONSTRAINT cdr_pkey;
${h2_only}ALTER TABLE cdr DROP PRIMARY KEY;
-- [jooq ignore stop]
