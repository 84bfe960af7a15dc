-- Invoiced revenue by data center
-- What:    per billing period, data center of the trunk, line kind and invoice currency: the rounded amounts of
--          the invoice lines that belong to a trunk (CHANNEL_FEE, USAGE, FAIR_USE_OVERAGE, and ADJUSTMENT lines
--          of credit / debit notes that name a trunk). Taxes are left out: they follow the service address, not
--          the data center (SPEC §5.3).
-- Notes:   every invoice status counts (DRAFT, FINAL, ON_HOLD); add "AND i.status = 'FINAL'" for booked revenue.
-- Runs on: H2 and PostgreSQL.
SELECT i.period,
       t.data_center,
       l.kind,
       l.currency,
       COUNT(*)       AS lines,
       SUM(l.amount)  AS amount
FROM invoice_line l
JOIN invoice i ON i.invoice_id = l.invoice_id
JOIN trunk t ON t.trunk_id = l.trunk_id
WHERE l.tax_code IS NULL
GROUP BY i.period, t.data_center, l.kind, l.currency
ORDER BY i.period DESC, t.data_center, l.kind, l.currency
