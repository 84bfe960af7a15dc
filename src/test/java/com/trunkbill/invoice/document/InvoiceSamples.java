package com.trunkbill.invoice.document;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceIssue;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LineKind;
import org.javamoney.moneta.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Invoices of a Croatian EUR customer whose trunk is rated in USD, for the document tests. */
final class InvoiceSamples {

    static final String INVOICE_ID = "ACC-HR-202610";
    static final String NUMBER = "INV-202610-000042";
    static final Instant FINALIZED_AT = Instant.parse("2026-11-03T09:15:00Z");
    static final ServiceAddress ZAGREB = new ServiceAddress("ADDR-ZG", "ACC-HR", "Ilica 242", "Zagreb", null, "21",
            "10000", "HR");

    private InvoiceSamples() {
    }

    static Account customer(BillingAddress billing) {
        return new Account("ACC-HR", "Großhandel Café Müller d.o.o.", "EUR", "HR", "STANDARD", "HR12345678901",
                billing);
    }

    static BillingAddress billing() {
        return new BillingAddress("Ulica Đure Đakovića 5", "Čakovec", "40000", null);
    }

    static InvoiceLine usage(String category, String destination, String minutes, String unitPrice, String amount,
                             String note) {
        return new InvoiceLine(LineKind.USAGE, "TRK-1", "zg-pbx", category, destination, new BigDecimal(minutes),
                "min", unitPrice == null ? null : new BigDecimal(unitPrice), eur(amount), null, null, note, null, null);
    }

    /**
     * Channel fee 15 USD x 62 channel-days / 31 days = 30 USD * 0.878076 = 26.34 EUR; Germany 10.05 min at
     * 0.008 USD = 0.0804 USD (unrounded 0.0804000001) -> 0.07 EUR; US unlimited minutes at 0; a Croatia line
     * billed at two EUR rates (no single unit price) 1.33; HR-VAT 25 % of 27.74 = 6.935 -> 6.94.
     */
    static List<InvoiceLine> lines(int extraUsageLines) {
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine(LineKind.CHANNEL_FEE, "TRK-1", "zg-pbx", null, null, BigDecimal.valueOf(62),
                "channel-day", null, eur("26.34"), null, null, "METERED 15 USD per channel-month x 62 channel-days"
                + " / 31 days; converted from 30 USD at USD->EUR 0.878076 (2026-10-31)", null, null));
        lines.add(usage("TERMINATION", "Germany", "10.05", "0.008", "0.07",
                "converted from 0.0804000001 USD at USD->EUR 0.878076 (2026-10-31)"));
        lines.add(usage("US_UNLIMITED", "United States", "129.70", "0", "0.00", null));
        lines.add(usage("TERMINATION", "Croatia - Mobile", "20.25", null, "1.33", null));
        for (int i = 0; i < extraUsageLines; i++) {
            lines.add(usage("ORIGINATION", "Croatia - Zagreb " + i, "1.00", "0.01", "0.00", null));
        }
        lines.add(new InvoiceLine(LineKind.TAX, null, null, null, null, null, null, new BigDecimal("0.25"),
                eur("6.94"), "HR-VAT", "HR-21-Zagreb", "PDV (porez na dodanu vrijednost) u €", eur("27.74"), null));
        return lines;
    }

    static Invoice draft(List<InvoiceLine> lines) {
        return Invoice.unnumbered(INVOICE_ID, "ACC-HR", "2026-10", "EUR", null, null, lines);
    }

    static Invoice finalInvoice(List<InvoiceLine> lines) {
        Invoice draft = draft(lines);
        return new Invoice(INVOICE_ID, NUMBER, "ACC-HR", "2026-10", "EUR", InvoiceStatus.FINAL, null,
                draft.subtotal(), draft.taxTotal(), draft.total(), null, lines);
    }

    static InvoiceIssue issued() {
        return new InvoiceIssue(INVOICE_ID, NUMBER, FINALIZED_AT.minusSeconds(3600), FINALIZED_AT);
    }

    static Map<String, ServiceAddress> trunkAddresses() {
        return Map.of("TRK-1", ZAGREB);
    }

    static Money eur(String amount) {
        return Money.of(new BigDecimal(amount), "EUR");
    }
}
