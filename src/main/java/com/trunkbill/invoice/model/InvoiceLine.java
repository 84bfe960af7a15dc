package com.trunkbill.invoice.model;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice or note (SPEC §7 invoice-lines.csv). {@code amount} is rounded and in the invoice
 * currency. {@code taxBase} is set on TAX lines (and on adjustments of them): the money the tax was computed on,
 * kept for the tax summary. {@code adjustedKind} is the kind of line an ADJUSTMENT corrects.
 */
public record InvoiceLine(LineKind kind, String trunkId, String trunkName, String category, String destination,
                          BigDecimal quantity, String unit, BigDecimal unitPrice, MonetaryAmount amount,
                          String taxCode, String jurisdiction, String note, MonetaryAmount taxBase,
                          LineKind adjustedKind) {

    public InvoiceLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    public String currency() {
        return amount.getCurrency().getCurrencyCode();
    }

    /** Whether the line counts in {@code tax_total} (TAX lines and adjustments of them: they carry a tax code). */
    public boolean isTax() {
        return taxCode != null;
    }

    /** The kind this line bills: its own, or for an ADJUSTMENT the kind it corrects. */
    public LineKind billedKind() {
        return kind == LineKind.ADJUSTMENT && adjustedKind != null ? adjustedKind : kind;
    }

    /** SPEC §4.6: the identity of a line across rebuilds, to compare a final invoice with a new computation. */
    public LineKey key() {
        return new LineKey(billedKind(), trunkId, category, destination, currency(), taxCode, jurisdiction);
    }

    public record LineKey(LineKind kind, String trunkId, String category, String destination, String currency,
                          String taxCode, String jurisdiction) {
    }
}
