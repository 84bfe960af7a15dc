-- Top accounts by invoiced total
-- What:    per billing period and account, the sum of its invoices' subtotal, tax and total in the invoice
--          currency, adjustment notes (credit / debit) included, with the number of invoices and how many are
--          FINAL; the 20 largest first.
-- Notes:   totals of accounts in different currencies are not comparable without FX: compare within a currency.
-- Runs on: H2 and PostgreSQL.
SELECT i.period,
       i.account_id,
       a.name                                                    AS account_name,
       i.currency,
       COUNT(*)                                                  AS invoices,
       SUM(CASE WHEN i.status = 'FINAL' THEN 1 ELSE 0 END)       AS final_invoices,
       SUM(i.subtotal)                                           AS subtotal,
       SUM(i.tax_total)                                          AS tax_total,
       SUM(i.total)                                              AS total
FROM invoice i
LEFT JOIN account a ON a.account_id = i.account_id
GROUP BY i.period, i.account_id, a.name, i.currency
ORDER BY i.period DESC, total DESC, i.account_id
FETCH FIRST 20 ROWS ONLY
