-- cdr_trunk_period_idx (trunk_id, period) serves no query: rating scopes use (period, trunk_id, cdr_id) from V30,
-- channel usage reads by period and start time. One index less to maintain for every ingested CDR.
DROP INDEX cdr_trunk_period_idx;
