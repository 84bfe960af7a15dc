package com.trunkbill.invoice.document;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.tax.model.TaxItems;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The invoice a customer receives (SPEC §7 {@code <invoice_id>.html}), as XHTML so that the same document renders to
 * PDF: seller and customer, period, number and status, one section per trunk (channel fee, fair-use overage, usage by
 * destination), taxes by jurisdiction, totals, and the reverse-charge statement when a tax was reverse charged.
 * Every value from the database is escaped.
 */
public final class InvoiceHtml {

    /** Who issues the invoice. */
    public record Seller(String name, String country) {
    }

    private InvoiceHtml() {
    }

    /**
     * @param trunkAddresses the service address of each trunk of the invoice (absent: none)
     */
    public static String render(Invoice invoice, Seller seller, Account account,
                                Map<String, ServiceAddress> trunkAddresses) {
        BillingPeriod period = BillingPeriod.parse(invoice.period());
        StringBuilder html = new StringBuilder(8192);
        String title = title(invoice);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n<title>").append(esc(title + " " + invoice.invoiceId()))
                .append("</title>\n<style type=\"text/css\">\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>").append(esc(title)).append("</h1>\n");
        parties(html, invoice, seller, account);
        meta(html, invoice, period);
        if (invoice.status() == InvoiceStatus.ON_HOLD) {
            html.append("<p class=\"hold\">On hold, not a final invoice: ").append(esc(invoice.holdReason()))
                    .append("</p>\n");
        }
        if (invoice.isAdjustmentNote()) {
            adjustments(html, invoice);
        } else {
            trunkSections(html, invoice, trunkAddresses);
            taxes(html, invoice);
        }
        totals(html, invoice);
        if (invoice.lines().stream().anyMatch(line -> TaxItems.REVERSE_CHARGE.equals(line.note()))) {
            html.append("<p class=\"note\">Reverse charge: VAT is not charged on the lines marked reverse charge. ")
                    .append("The customer")
                    .append(account != null && account.hasVatId() ? " (VAT ID " + esc(account.vatId()) + ")" : "")
                    .append(" accounts for the VAT (Council Directive 2006/112/EC, Article 196).</p>\n");
        }
        html.append("<p class=\"small\">All amounts in ").append(esc(invoice.currency()))
                .append(". Amounts in other currencies are converted at the rate of the last day of the period, ")
                .append("each line rounded once, half-up, to the currency's minor unit.</p>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static String title(Invoice invoice) {
        if (!invoice.isAdjustmentNote()) {
            return "Invoice";
        }
        return invoice.total().isNegative() ? "Credit note" : "Debit note";
    }

    private static void parties(StringBuilder html, Invoice invoice, Seller seller, Account account) {
        html.append("<table class=\"parties\"><tr><td><div class=\"label\">From</div><div class=\"strong\">")
                .append(esc(seller.name())).append("</div><div>").append(esc(seller.country())).append("</div></td>")
                .append("<td><div class=\"label\">Bill to</div><div class=\"strong\">")
                .append(esc(account == null ? invoice.accountId() : account.name())).append("</div>")
                .append("<div>Account ").append(esc(invoice.accountId())).append("</div>");
        if (account != null) {
            html.append("<div>Country ").append(esc(account.country())).append("</div>");
            if (account.hasVatId()) {
                html.append("<div>VAT ID ").append(esc(account.vatId())).append("</div>");
            }
        }
        html.append("</td></tr></table>\n");
    }

    private static void meta(StringBuilder html, Invoice invoice, BillingPeriod period) {
        html.append("<table class=\"meta\">");
        row(html, "Invoice number", invoice.invoiceNumber() == null ? "not numbered until final" : invoice.invoiceNumber());
        row(html, "Invoice id", invoice.invoiceId());
        row(html, "Status", invoice.status().name());
        row(html, "Period", invoice.period() + " (" + period.firstDay() + " to " + period.lastDay() + ")");
        row(html, "Currency", invoice.currency());
        if (invoice.isAdjustmentNote()) {
            row(html, "Adjusts invoice", invoice.adjustsInvoiceId());
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static void trunkSections(StringBuilder html, Invoice invoice, Map<String, ServiceAddress> addresses) {
        Map<String, List<InvoiceLine>> byTrunk = new LinkedHashMap<>();
        invoice.lines().stream().filter(line -> line.kind() != LineKind.TAX)
                .forEach(line -> byTrunk.computeIfAbsent(line.trunkId(), id -> new ArrayList<>()).add(line));
        for (Map.Entry<String, List<InvoiceLine>> trunk : byTrunk.entrySet()) {
            List<InvoiceLine> lines = trunk.getValue();
            String name = lines.get(0).trunkName();
            html.append("<h2>Trunk ").append(esc(name)).append(" (").append(esc(trunk.getKey())).append(")</h2>\n");
            ServiceAddress address = addresses.get(trunk.getKey());
            html.append("<p class=\"small\">Service address (place of primary use): ")
                    .append(address == null ? "none" : esc(addressText(address))).append("</p>\n");
            html.append("<table class=\"lines\"><thead><tr><th>Charge</th><th>Destination</th>")
                    .append("<th class=\"num\">Quantity</th><th>Unit</th><th class=\"num\">Unit price</th>")
                    .append("<th class=\"num\">Amount</th></tr></thead><tbody>\n");
            MonetaryAmount sum = Rounding.zero(invoice.currency());
            for (InvoiceLine line : lines) {
                html.append("<tr><td>").append(esc(describe(line))).append("</td><td>")
                        .append(esc(line.destination())).append("</td><td class=\"num\">")
                        .append(esc(quantity(line))).append("</td><td>").append(esc(line.unit()))
                        .append("</td><td class=\"num\">").append(esc(plain(line.unitPrice())))
                        .append("</td><td class=\"num\">").append(esc(money(line.amount()))).append("</td></tr>\n");
                if (line.note() != null) {
                    html.append("<tr class=\"detail\"><td colspan=\"6\">").append(esc(line.note())).append("</td></tr>\n");
                }
                sum = sum.add(line.amount());
            }
            html.append("<tr class=\"sum\"><td colspan=\"5\">Trunk total</td><td class=\"num\">")
                    .append(esc(money(sum))).append("</td></tr>\n</tbody></table>\n");
        }
    }

    private static String describe(InvoiceLine line) {
        return switch (line.kind()) {
            case CHANNEL_FEE -> "Channel fee";
            case FAIR_USE_OVERAGE -> "Fair-use overage (US unlimited)";
            case USAGE -> "Usage " + Objects.toString(line.category(), "").toLowerCase().replace('_', ' ');
            case TAX -> "Tax " + line.taxCode();
            case ADJUSTMENT -> "Adjustment of " + line.billedKind().name().toLowerCase().replace('_', ' ');
        };
    }

    private static void taxes(StringBuilder html, Invoice invoice) {
        List<InvoiceLine> taxes = invoice.lines().stream().filter(line -> line.kind() == LineKind.TAX).toList();
        if (taxes.isEmpty()) {
            return;
        }
        html.append("<h2>Taxes by jurisdiction</h2>\n<table class=\"lines\"><thead><tr><th>Jurisdiction</th>")
                .append("<th>Tax</th><th>Description</th><th class=\"num\">Base</th><th class=\"num\">Rate / quantity</th>")
                .append("<th class=\"num\">Amount</th></tr></thead><tbody>\n");
        for (InvoiceLine line : taxes) {
            String rate = line.unitPrice() != null && line.quantity() == null
                    ? plain(line.unitPrice().movePointRight(2)) + " %"
                    : quantity(line) + " " + Objects.toString(line.unit(), "");
            html.append("<tr><td>").append(esc(line.jurisdiction())).append("</td><td>").append(esc(line.taxCode()))
                    .append("</td><td>").append(esc(line.note())).append("</td><td class=\"num\">")
                    .append(esc(line.taxBase() == null ? "" : money(line.taxBase()))).append("</td><td class=\"num\">")
                    .append(esc(rate.trim())).append("</td><td class=\"num\">").append(esc(money(line.amount())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void adjustments(StringBuilder html, Invoice invoice) {
        html.append("<h2>Adjustments to invoice ").append(esc(invoice.adjustsInvoiceId())).append("</h2>\n")
                .append("<table class=\"lines\"><thead><tr><th>Adjusted charge</th><th>Trunk</th><th>Destination</th>")
                .append("<th>Tax / jurisdiction</th><th>Detail</th><th class=\"num\">Amount</th></tr></thead><tbody>\n");
        for (InvoiceLine line : invoice.lines()) {
            String tax = line.taxCode() == null ? "" : line.taxCode() + " " + Objects.toString(line.jurisdiction(), "");
            String trunk = line.trunkId() == null ? "" : line.trunkName() + " (" + line.trunkId() + ")";
            html.append("<tr><td>").append(esc(describe(line))).append("</td><td>").append(esc(trunk))
                    .append("</td><td>").append(esc(line.destination())).append("</td><td>").append(esc(tax.trim()))
                    .append("</td><td>").append(esc(line.note())).append("</td><td class=\"num\">")
                    .append(esc(money(line.amount()))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void totals(StringBuilder html, Invoice invoice) {
        html.append("<table class=\"totals\">");
        totalRow(html, "Subtotal", money(invoice.subtotal()) + " " + invoice.currency(), "");
        totalRow(html, "Tax", money(invoice.taxTotal()) + " " + invoice.currency(), "");
        totalRow(html, "Total", money(invoice.total()) + " " + invoice.currency(), " class=\"grand\"");
        html.append("</table>\n");
    }

    private static void totalRow(StringBuilder html, String label, String value, String attributes) {
        html.append("<tr").append(attributes).append("><th>").append(esc(label)).append("</th><td class=\"num\">")
                .append(esc(value)).append("</td></tr>");
    }

    static String addressText(ServiceAddress address) {
        String place = Stream.of(address.street(), address.postalCode(), address.city(), address.county(),
                        address.state(), address.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
        return place + " [" + address.jurisdiction() + "]";
    }

    /** Quantities as SPEC §9 displays them: minutes with 2 decimals, channel-days and trunks whole. */
    public static String quantity(InvoiceLine line) {
        if (line.quantity() == null) {
            return "";
        }
        if ("min".equals(line.unit())) {
            return line.quantity().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return plain(line.quantity());
    }

    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    public static String money(MonetaryAmount amount) {
        return Rounding.decimal(amount).toPlainString();
    }

    /** XML escaping of a text value (null as empty). */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final String CSS = """
            @page { size: A4; margin: 18mm 15mm; }
            body { font-family: Helvetica, Arial, sans-serif; font-size: 9pt; color: #222; }
            h1 { font-size: 18pt; margin: 0 0 8pt 0; }
            h2 { font-size: 11pt; margin: 14pt 0 4pt 0; border-bottom: 1px solid #999; }
            table { border-collapse: collapse; width: 100%; }
            table.parties td { vertical-align: top; width: 50%; padding: 4pt 0; }
            table.meta { width: auto; margin: 8pt 0; }
            table.meta th { text-align: left; padding: 1pt 12pt 1pt 0; font-weight: normal; color: #555; }
            table.lines th { text-align: left; border-bottom: 1px solid #999; padding: 2pt 3pt; }
            table.lines td { padding: 2pt 3pt; border-bottom: 1px solid #eee; }
            tr.detail td { color: #666; font-size: 7.5pt; }
            tr.sum td { font-weight: bold; }
            .num { text-align: right; }
            table.totals { width: 50%; margin: 14pt 0 0 auto; }
            table.totals th { text-align: left; padding: 2pt; }
            table.totals td { padding: 2pt; }
            tr.grand th, tr.grand td { font-weight: bold; font-size: 11pt; border-top: 1px solid #222; }
            .label { color: #555; font-size: 8pt; }
            .strong { font-weight: bold; font-size: 10pt; }
            .hold { color: #a00; font-weight: bold; }
            .note { border: 1px solid #999; padding: 4pt; }
            .small { color: #555; font-size: 8pt; }
            """;
}
