-- Rejected CDR rows by reason
-- What:    every CDR row ever read that was not rated, by reason (SPEC §9 reason codes): the import-time
--          rejects counted per file in cdr_file (malformed rows of every kind are one MALFORMED figure), the
--          CDRs whose current rating is NO_RATE (pending: re-tried by every later rate), and, for completeness,
--          DUPLICATE rows skipped at import (not a rejection).
-- Notes:   the same totals as the TOTAL row of reports/P/reconciliation.csv; they cover all files, whatever
--          the period of their CDRs.
-- Runs on: H2 and PostgreSQL.
SELECT reason, cdr_rows
FROM (
    SELECT 'UNKNOWN_TRUNK' AS reason, CAST(COALESCE(SUM(unknown_trunk), 0) AS BIGINT) AS cdr_rows FROM cdr_file
    UNION ALL
    SELECT 'ACCOUNT_MISMATCH', CAST(COALESCE(SUM(account_mismatch), 0) AS BIGINT) FROM cdr_file
    UNION ALL
    SELECT 'NO_TRUNK', CAST(COALESCE(SUM(no_trunk), 0) AS BIGINT) FROM cdr_file
    UNION ALL
    SELECT 'DUPLICATE_CONFLICT', CAST(COALESCE(SUM(duplicate_conflict), 0) AS BIGINT) FROM cdr_file
    UNION ALL
    SELECT 'MALFORMED', CAST(COALESCE(SUM(malformed), 0) AS BIGINT) FROM cdr_file
    UNION ALL
    SELECT 'NO_RATE', CAST(COUNT(*) AS BIGINT) FROM rated_cdr WHERE is_current = TRUE AND status = 'NO_RATE'
    UNION ALL
    SELECT 'DUPLICATE (skipped, not rejected)', CAST(COALESCE(SUM(duplicates), 0) AS BIGINT) FROM cdr_file
) reasons
ORDER BY cdr_rows DESC, reason
