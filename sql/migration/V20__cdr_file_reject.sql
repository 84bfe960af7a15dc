-- Rejected rows of each ingested CDR file by reason code (SPEC §9), so that the per-reason counts printed by
-- import-cdrs (e.g. the eight malformed codes summed in cdr_file.malformed) stay available afterwards.
CREATE TABLE cdr_file_reject (
    file_id    BIGINT NOT NULL,
    reason     VARCHAR(32) NOT NULL,
    row_count  BIGINT NOT NULL,
    CONSTRAINT cdr_file_reject_pk PRIMARY KEY (file_id, reason),
    CONSTRAINT cdr_file_reject_file_fk FOREIGN KEY (file_id) REFERENCES cdr_file (file_id)
);
