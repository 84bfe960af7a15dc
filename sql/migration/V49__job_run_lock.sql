-- One job at a time per database (docs/reliability.md). A launch keeps this row locked by an uncommitted update
-- for its whole run, so on H2 a second process sharing the file (AUTO_SERVER=TRUE) is refused at once, as the
-- advisory lock does on PostgreSQL. A killed process's transaction is rolled back: the lock never outlives it.
CREATE TABLE job_run_lock (
    id      INT PRIMARY KEY,
    holder  VARCHAR(200)
);
INSERT INTO job_run_lock (id, holder) VALUES (1, NULL);
