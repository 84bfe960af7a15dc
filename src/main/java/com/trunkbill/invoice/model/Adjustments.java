package com.trunkbill.invoice.model;

import javax.money.MonetaryAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credit and debit notes (SPEC §4.6): a final invoice never changes; when a new computation of the account's
 * period differs from what was invoiced (the final invoice plus its final adjustment notes), one note carries an
 * ADJUSTMENT line per line key (kind, trunk, category, destination, currency, tax code, jurisdiction) whose rounded
 * amount changed: the new amount minus the invoiced one. Lines of one key are summed on both sides (two addresses in
 * one jurisdiction, or usage of one destination in two rate currencies, share a key).
 */
public final class Adjustments {

    private Adjustments() {
    }

    /**
     * The note for the difference, or empty when nothing changed.
     *
     * @param finalInvoice the account's FINAL invoice of the period
     * @param invoiced     its lines and those of its FINAL adjustment notes
     * @param recomputed   the account's invoice as computed now (empty: no invoice any more, everything is credited)
     * @param noteId       the id the note gets
     */
    public static Optional<Invoice> note(Invoice finalInvoice, List<InvoiceLine> invoiced,
                                         Optional<Invoice> recomputed, String noteId) {
        String currency = finalInvoice.currency();
        Map<InvoiceLine.LineKey, Sum> sums = new LinkedHashMap<>();
        recomputed.ifPresent(invoice -> invoice.lines().forEach(line ->
                sums.computeIfAbsent(line.key(), key -> new Sum(line, currency)).addNew(line)));
        invoiced.forEach(line -> sums.computeIfAbsent(line.key(), key -> new Sum(line, currency)).addOld(line));
        List<InvoiceLine> lines = new ArrayList<>();
        for (Sum sum : sums.values()) {
            MonetaryAmount delta = sum.newAmount.subtract(sum.oldAmount);
            if (!delta.isZero()) {
                lines.add(sum.adjustmentLine(delta));
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        lines.sort(Comparator.comparing(InvoiceLine::isTax)); // charges first, then taxes, as on the invoice
        String holdReason = recomputed.map(Invoice::holdReason).orElse(null);
        return Optional.of(Invoice.unnumbered(noteId, finalInvoice.accountId(), finalInvoice.period(), currency,
                holdReason, finalInvoice.invoiceId(), lines));
    }

    private static final class Sum {
        private final InvoiceLine sample;
        private MonetaryAmount newAmount;
        private MonetaryAmount oldAmount;
        private MonetaryAmount newBase;
        private MonetaryAmount oldBase;

        Sum(InvoiceLine sample, String currency) {
            this.sample = sample;
            this.newAmount = Rounding.zero(currency);
            this.oldAmount = Rounding.zero(currency);
            this.newBase = Rounding.zero(currency);
            this.oldBase = Rounding.zero(currency);
        }

        void addNew(InvoiceLine line) {
            newAmount = newAmount.add(line.amount());
            if (line.taxBase() != null) {
                newBase = newBase.add(line.taxBase());
            }
        }

        void addOld(InvoiceLine line) {
            oldAmount = oldAmount.add(line.amount());
            if (line.taxBase() != null) {
                oldBase = oldBase.add(line.taxBase());
            }
        }

        InvoiceLine adjustmentLine(MonetaryAmount delta) {
            LineKind kind = sample.billedKind();
            String note = kind + " was " + Rounding.decimal(oldAmount).toPlainString() + ", now "
                    + Rounding.decimal(newAmount).toPlainString();
            MonetaryAmount baseDelta = sample.taxCode() == null ? null : newBase.subtract(oldBase);
            return new InvoiceLine(LineKind.ADJUSTMENT, sample.trunkId(), sample.trunkName(), sample.category(),
                    sample.destination(), null, null, null, delta, sample.taxCode(), sample.jurisdiction(), note,
                    baseDelta, kind);
        }
    }
}
