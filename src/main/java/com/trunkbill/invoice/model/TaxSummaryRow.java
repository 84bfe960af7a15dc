package com.trunkbill.invoice.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * One row of a period's tax summary (SPEC §7 {@code tax-summary.csv}, and the tax table of {@code index.html}): per
 * jurisdiction, tax code, currency and invoice status, the tax base and the tax of every line that carries a tax
 * code, on invoices and on adjustment notes alike (SPEC §4.6: a note's tax lines keep their tax code, so a credit
 * note reduces the tax payable). Amounts are the sums of the stored, rounded lines.
 */
public record TaxSummaryRow(String jurisdiction, String taxCode, String currency, InvoiceStatus status,
                            BigDecimal base, BigDecimal tax) {

    /** Jurisdiction, tax code and currency as plain strings (the same on every database), then FINAL, DRAFT, ON_HOLD. */
    public static final Comparator<TaxSummaryRow> ORDER = Comparator
            .comparing((TaxSummaryRow row) -> Objects.toString(row.jurisdiction(), ""))
            .thenComparing(row -> Objects.toString(row.taxCode(), ""))
            .thenComparing(TaxSummaryRow::currency)
            .thenComparing(row -> statusRank(row.status()));

    public TaxSummaryRow {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        base = base == null ? BigDecimal.ZERO : base;
        tax = tax == null ? BigDecimal.ZERO : tax;
    }

    /** The order in which statuses are shown: what is payable first, then what may still change. */
    public static int statusRank(InvoiceStatus status) {
        return switch (status) {
            case FINAL -> 0;
            case DRAFT -> 1;
            case ON_HOLD -> 2;
        };
    }
}
