-- Partitioned rating (issue 9): the rating step is split into K partitions by a hash of account_id, each with
-- its own keyset position, committed in the same transaction as each chunk of the partition's rated_cdr rows,
-- so a failed partition restarts exactly after its last committed CDR while the others are not redone.
CREATE TABLE rating_run_partition (
    run_id        BIGINT NOT NULL,
    partition_no  INTEGER NOT NULL,
    last_cdr_id   VARCHAR(64) NOT NULL,
    CONSTRAINT rating_run_partition_pk PRIMARY KEY (run_id, partition_no),
    CONSTRAINT rating_run_partition_run_fk FOREIGN KEY (run_id) REFERENCES rating_run (run_id)
);

-- A run interrupted before the upgrade was one partition: its position becomes partition 0's.
INSERT INTO rating_run_partition (run_id, partition_no, last_cdr_id)
    SELECT run_id, 0, last_cdr_id FROM rating_run WHERE last_cdr_id IS NOT NULL;

ALTER TABLE rating_run DROP COLUMN last_cdr_id;
