-- Anomalous CDRs (SPEC §4.5)
-- What:    per billing period, account, trunk and anomaly codes: the current RATED CDRs flagged
--          TRUNK_INACTIVE (trunk disabled, failed or deleted at start), OUTBOUND_ON_OPENAI_REALTIME or
--          LONGER_THAN_24H, with their count, billed minutes and rated cost. Anomalous CDRs are billed.
-- Notes:   anomalies is a comma-separated list: a CDR with several codes appears once, under its list.
--          For one code: "AND r.anomalies LIKE '%TRUNK_INACTIVE%'".
-- Runs on: H2 and PostgreSQL.
SELECT r.period,
       r.account_id,
       r.trunk_id,
       r.anomalies,
       COUNT(*)                                          AS cdrs,
       CAST(SUM(r.billed_s) AS DECIMAL(24, 2)) / 60      AS billed_minutes,
       SUM(r.cost)                                       AS rated_cost,
       MIN(c.start_time)                                 AS first_start,
       MAX(c.start_time)                                 AS last_start
FROM rated_cdr r
JOIN cdr c ON c.cdr_key = r.cdr_key
WHERE r.is_current = TRUE
  AND r.status = 'RATED'
  AND r.anomalies IS NOT NULL
GROUP BY r.period, r.account_id, r.trunk_id, r.anomalies
ORDER BY r.period DESC, cdrs DESC, r.account_id, r.trunk_id
