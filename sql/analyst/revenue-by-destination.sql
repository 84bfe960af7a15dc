-- Rated revenue by destination
-- What:    per billing period, destination, category and rate currency: CDRs, billed minutes and the sum of the
--          unrounded CDR costs of the current ratings (RATED only; NO_RATE CDRs have no destination).
-- Notes:   amounts are in the rate table's currency, before FX and invoice rounding (SPEC §4.1, §5.2); invoiced
--          figures are in revenue-by-data-center.sql and top-accounts.sql.
-- Filter:  add "AND r.period = '2026-10'" to the WHERE clause for one month.
-- Runs on: H2 and PostgreSQL.
SELECT r.period,
       r.destination,
       r.category,
       r.currency,
       COUNT(*)                                          AS cdrs,
       CAST(SUM(r.billed_s) AS DECIMAL(24, 2)) / 60      AS billed_minutes,
       SUM(r.cost)                                       AS rated_cost
FROM rated_cdr r
WHERE r.is_current = TRUE
  AND r.status = 'RATED'
GROUP BY r.period, r.destination, r.category, r.currency
ORDER BY r.period DESC, rated_cost DESC, r.destination
