package com.trunkbill.invoice.model;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4.6: one ADJUSTMENT line per changed line key, new rounded amount minus what was invoiced. */
class AdjustmentsTests {

    private static InvoiceLine line(LineKind kind, String trunkId, String destination, String amount) {
        return new InvoiceLine(kind, trunkId, trunkId == null ? null : trunkId + "-name", null, destination, null, null,
                null, Money.of(new BigDecimal(amount), "USD"), null, null, null, null, null);
    }

    private static InvoiceLine taxLine(String code, String amount, String base) {
        return new InvoiceLine(LineKind.TAX, null, null, null, null, null, null, null,
                Money.of(new BigDecimal(amount), "USD"), code, "US-NY-New York-New York", null,
                Money.of(new BigDecimal(base), "USD"), null);
    }

    private static Invoice invoice(String id, List<InvoiceLine> lines) {
        return Invoice.unnumbered(id, "ACC-1", "2026-10", "USD", null, null, lines);
    }

    @Test
    void changedLinesBecomeOneNoteWithTheExactDeltas() {
        Invoice finalInvoice = invoice("ACC-1-202610", List.of(
                line(LineKind.CHANNEL_FEE, "T-1", null, "150.00"),
                line(LineKind.USAGE, "T-1", "Germany", "10.00"),
                line(LineKind.USAGE, "T-1", "France", "4.00"),
                taxLine("US-NY-SALES", "6.56", "164.00")));
        Invoice recomputed = invoice("ACC-1-202610", List.of(
                line(LineKind.CHANNEL_FEE, "T-1", null, "150.00"),
                line(LineKind.USAGE, "T-1", "Germany", "7.50"),
                line(LineKind.USAGE, "T-1", "Italy", "1.25"),
                taxLine("US-NY-SALES", "6.35", "158.75")));
        Invoice note = Adjustments.note(finalInvoice, finalInvoice.lines(), Optional.of(recomputed), "ACC-1-202610-A1")
                .orElseThrow();
        // Germany 7.50 - 10.00 = -2.50; Italy 1.25 - 0 = 1.25; France 0 - 4.00 = -4.00; tax 6.35 - 6.56 = -0.21
        assertThat(note.lines()).extracting(l -> l.adjustedKind() + " " + l.destination() + " "
                        + Rounding.decimal(l.amount()) + " " + l.taxCode())
                .containsExactly("USAGE Germany -2.50 null", "USAGE Italy 1.25 null", "USAGE France -4.00 null",
                        "TAX null -0.21 US-NY-SALES");
        assertThat(note.lines()).allMatch(l -> l.kind() == LineKind.ADJUSTMENT);
        // tax base delta kept for the tax summary: 158.75 - 164.00 = -5.25
        assertThat(Rounding.decimal(note.lines().get(3).taxBase())).isEqualByComparingTo("-5.25");
        // subtotal -2.50 + 1.25 - 4.00 = -5.25; tax_total -0.21; total -5.46: a credit note
        assertThat(Rounding.decimal(note.subtotal())).isEqualByComparingTo("-5.25");
        assertThat(Rounding.decimal(note.taxTotal())).isEqualByComparingTo("-0.21");
        assertThat(Rounding.decimal(note.total())).isEqualByComparingTo("-5.46");
        assertThat(note.adjustsInvoiceId()).isEqualTo("ACC-1-202610");
        assertThat(note.status()).isEqualTo(InvoiceStatus.DRAFT);
    }

    @Test
    void previousFinalNotesCountAsInvoicedSoNoDifferenceMeansNoNote() {
        Invoice finalInvoice = invoice("ACC-1-202610", List.of(line(LineKind.USAGE, "T-1", "Germany", "10.00")));
        Invoice recomputed = invoice("ACC-1-202610", List.of(line(LineKind.USAGE, "T-1", "Germany", "7.50")));
        Invoice first = Adjustments.note(finalInvoice, finalInvoice.lines(), Optional.of(recomputed), "A1").orElseThrow();
        List<InvoiceLine> invoiced = new ArrayList<>(finalInvoice.lines());
        invoiced.addAll(first.lines());
        // 10.00 + (-2.50) = 7.50 invoiced: nothing more to adjust
        assertThat(Adjustments.note(finalInvoice, invoiced, Optional.of(recomputed), "A2")).isEmpty();
        assertThat(Adjustments.note(finalInvoice, finalInvoice.lines(), Optional.of(finalInvoice), "A1")).isEmpty();
    }

    @Test
    void anInvoiceThatNoLongerExistsIsCreditedInFull() {
        Invoice finalInvoice = invoice("ACC-1-202610", List.of(line(LineKind.CHANNEL_FEE, "T-1", null, "0.005")));
        Invoice note = Adjustments.note(finalInvoice, finalInvoice.lines(), Optional.empty(), "A1").orElseThrow();
        // -0.005 rounds away from zero, as every stored amount is already rounded: 0.01 invoiced -> -0.01
        assertThat(Rounding.decimal(note.total())).isEqualByComparingTo("-0.01");
    }
}
