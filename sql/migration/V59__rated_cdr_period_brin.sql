-- On PostgreSQL a block range index on rated_cdr.period replaces rated_cdr_current_idx (period, account_id,
-- is_current), which every rating paid an index insert for (about 2.5 us of the server's CPU per rating in a
-- 10M-CDR month, docs/performance.md) to serve one kind of query: the rated usage of a period (invoice usage
-- lines, destinations, fair use, the period's rated count), which reads the whole period anyway. Ratings are
-- appended a run at a time, so a period's rows lie together and a block range index, a few pages for a month,
-- still lets such a query skip the other periods. With no B-tree on is_current, superseding a rating (an update of
-- is_current) can be a heap-only update (PostgreSQL 16 and later do not count block range indexes).
--
-- H2 has no block range index and keeps the B-tree: the postgresql_only placeholder (FlywayPlaceholders) is empty
-- on PostgreSQL and turns each statement into a line comment on H2. jOOQ's DDL parser skips them.
-- [jooq ignore start]
${postgresql_only}CREATE INDEX rated_cdr_period_brin ON rated_cdr USING brin (period);
${postgresql_only}DROP INDEX rated_cdr_current_idx;
-- [jooq ignore stop]
