-- cdr's unique index on cdr_key becomes its primary key (issue 8). Since V60 cdr had no primary key, so H2 kept
-- its rows in a map of its own hidden row ids, and the unique index beside it was one more map written for every
-- CDR. With a primary key of one BIGINT column H2 keys the rows by it, so storing a CDR writes two maps instead of
-- three (1,000,000 CDR-shaped rows took 6.5-7.2 s instead of 8.7-8.9 s, docs/performance.md). H2 does so only for
-- a table that is empty when the key is added, as in a new database; an existing one gets an index for the key,
-- as before. On PostgreSQL the index becomes the key as it is (USING INDEX: no rebuild), renamed cdr_pk.
-- jOOQ's DDL parser skips these statements: the generated code keeps the unique key of V57, which no code uses.
-- [jooq ignore start]
${postgresql_only}ALTER TABLE cdr ADD CONSTRAINT cdr_pk PRIMARY KEY USING INDEX cdr_key_idx;
${h2_only}ALTER TABLE cdr ADD CONSTRAINT cdr_pk PRIMARY KEY (cdr_key);
${h2_only}DROP INDEX cdr_key_idx;
-- [jooq ignore stop]
