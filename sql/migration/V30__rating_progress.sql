-- Rating runs (SPEC §4, §4.6): progress and totals committed in the same transaction as each chunk of
-- rated_cdr rows, so a killed run restarts exactly after its last committed CDR.

-- Keyset position: the last cdr_id (in the database's cdr_id order) whose rating this run has committed.
ALTER TABLE rating_run ADD COLUMN last_cdr_id VARCHAR(64);
-- RUNNING until the run's last step completes, then COMPLETED.
ALTER TABLE rating_run ADD COLUMN status VARCHAR(16) DEFAULT 'RUNNING' NOT NULL;
ALTER TABLE rating_run ADD COLUMN cdrs_no_rate BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE rating_run ADD COLUMN cdrs_anomalous BIGINT DEFAULT 0 NOT NULL;

-- Per run and rate currency: the cost of every CDR the run rated (changed or not) and the change against
-- the rating it superseded (new cost minus old cost; a CDR whose currency changed counts in both).
CREATE TABLE rating_run_total (
    run_id      BIGINT NOT NULL,
    currency    VARCHAR(3) NOT NULL,
    cost        DECIMAL(30, 10) NOT NULL,
    cost_delta  DECIMAL(30, 10) NOT NULL,
    CONSTRAINT rating_run_total_pk PRIMARY KEY (run_id, currency)
);

-- Keyset pages of a re-rating scope: where period = ? [and account_id = ?] [and trunk_id = ?]
-- and cdr_id > ? order by cdr_id limit n, read straight from the index in order.
CREATE INDEX cdr_period_cdr_idx ON cdr (period, cdr_id);
CREATE INDEX cdr_period_account_cdr_idx ON cdr (period, account_id, cdr_id);
CREATE INDEX cdr_period_trunk_cdr_idx ON cdr (period, trunk_id, cdr_id);
