package com.trunkbill.invoice.model;

import javax.money.MonetaryAmount;
import java.util.List;
import java.util.Objects;

/**
 * An invoice or adjustment note with its lines (SPEC §5, §7). Totals are sums of the rounded lines (SPEC §5.2):
 * {@code subtotal} the lines without a tax code, {@code taxTotal} those with one, {@code total} both.
 */
public record Invoice(String invoiceId, String invoiceNumber, String accountId, String period, String currency,
                      InvoiceStatus status, String holdReason, MonetaryAmount subtotal, MonetaryAmount taxTotal,
                      MonetaryAmount total, String adjustsInvoiceId, List<InvoiceLine> lines) {

    public Invoice {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    /** A new (not yet final) invoice or note: DRAFT, or ON_HOLD when there is a hold reason; totals from the lines. */
    public static Invoice unnumbered(String invoiceId, String accountId, String period, String currency,
                                     String holdReason, String adjustsInvoiceId, List<InvoiceLine> lines) {
        MonetaryAmount subtotal = Rounding.zero(currency);
        MonetaryAmount taxTotal = Rounding.zero(currency);
        for (InvoiceLine line : lines) {
            if (line.isTax()) {
                taxTotal = taxTotal.add(line.amount());
            } else {
                subtotal = subtotal.add(line.amount());
            }
        }
        InvoiceStatus status = holdReason == null ? InvoiceStatus.DRAFT : InvoiceStatus.ON_HOLD;
        return new Invoice(invoiceId, null, accountId, period, currency, status, holdReason, subtotal, taxTotal,
                subtotal.add(taxTotal), adjustsInvoiceId, lines);
    }

    /** {@code <account_id>-<YYYYMM>}: one invoice per account and period (SPEC §5). */
    public static String invoiceId(String accountId, String compactPeriod) {
        return accountId + "-" + compactPeriod;
    }

    /** {@code <invoice_id>-A<n>}: the n-th adjustment note of a final invoice. */
    public static String adjustmentNoteId(String finalInvoiceId, int n) {
        return finalInvoiceId + "-A" + n;
    }

    public boolean isAdjustmentNote() {
        return adjustsInvoiceId != null;
    }
}
