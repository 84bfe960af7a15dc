package com.trunkbill.report;

import com.trunkbill.report.FinanceRepository.AccountTotal;
import com.trunkbill.report.FinanceRepository.DestinationTotal;
import com.trunkbill.report.FinanceRepository.InvoiceSummary;
import com.trunkbill.report.FinanceRepository.TaxSummary;
import com.trunkbill.report.ReconciliationRepository.Reconciliation;
import com.trunkbill.report.model.ReconciliationRow;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.support.SafeFileNames;
import com.trunkbill.usage.model.ChannelSizing;
import com.trunkbill.usage.model.DailyUsage;
import com.trunkbill.usage.model.FairUseRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.trunkbill.report.Html.escape;

/**
 * {@code reports/P/index.html}: the period at a glance for a finance analyst (SPEC §7). One self-contained
 * page: inline CSS and inline SVG charts, no script, font or stylesheet from anywhere, so it works offline
 * and from a mail attachment. Every value is HTML-escaped.
 */
final class IndexPage {

    /** Everything the page shows. */
    record Content(BillingPeriod period, Instant generatedAt, List<AccountTotal> accountTotals,
                   List<InvoiceSummary> invoices, List<TaxSummary> taxSummary,
                   List<DestinationTotal> topDestinations, List<DailyUsage> usage, List<ChannelSizing> sizing,
                   List<FairUseRow> fairUse, Reconciliation reconciliation) {
    }

    private static final String CSS = """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--bg:#f5f7fa;--accent:#2f6fb2;--bad:#c62828;\
            --warn:#b26a00;--good:#2e7d32}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;\
            color:var(--ink);background:var(--bg)}
            header{background:#102a43;color:#fff;padding:18px 32px}
            header h1{margin:0;font-size:22px;font-weight:600}
            header p{margin:4px 0 0;color:#bcccdc;font-size:13px}
            nav{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;position:sticky;top:0}
            nav a{margin-right:16px;color:var(--accent);text-decoration:none;font-size:13px}
            main{padding:8px 32px 48px;max-width:1400px}
            section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin:18px 0;\
overflow-x:auto}
            h2{margin:0 0 12px;font-size:17px}
            h3{margin:14px 0 6px;font-size:14px;color:var(--muted)}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:#f0f4f8;font-weight:600;white-space:nowrap}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr.total td{font-weight:600;border-top:2px solid var(--ink)}
            table.narrow{width:auto;min-width:360px}
            td.file{white-space:nowrap}
            .cards{display:flex;flex-wrap:wrap;gap:12px}
            .card{flex:1 1 180px;border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:#fff}
            .card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
            .card .value{font-size:20px;font-weight:600;margin-top:2px}
            .bad{color:var(--bad);font-weight:600}
            .warn{color:var(--warn);font-weight:600}
            .good{color:var(--good);font-weight:600}
            td.hl{background:#fdecea;color:var(--bad);font-weight:600}
            td.hw{background:#fff4e0;color:var(--warn);font-weight:600}
            .badge{display:inline-block;padding:1px 7px;border-radius:10px;font-size:11px;font-weight:600;\
            background:#e4e7eb;color:var(--ink);margin-right:4px}
            .badge.FINAL,.badge.OK{background:#e3f4e4;color:var(--good)}
            .badge.ON_HOLD,.badge.UNDER_PROVISIONED,.badge.flag{background:#fdecea;color:var(--bad)}
            .badge.DRAFT,.badge.OVER_PROVISIONED{background:#fff4e0;color:var(--warn)}
            .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
            figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px 10px}
            figcaption{font-size:12px;font-weight:600;margin-bottom:4px;overflow-wrap:anywhere}
            figcaption span{font-weight:400;color:var(--muted)}
            .legend{font-size:12px;color:var(--muted);margin-bottom:8px}
            .legend i{display:inline-block;width:12px;height:10px;margin:0 4px 0 10px;vertical-align:middle}
            .empty{color:var(--muted);font-style:italic}
            p.note{color:var(--muted);font-size:12px;margin:8px 0 0}
            """;

    private IndexPage() {
    }

    static String render(Content content) {
        StringBuilder html = new StringBuilder(64 * 1024);
        String period = content.period().toString();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>trunkbill report ").append(escape(period)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>trunkbill — billing period ").append(escape(period)).append("</h1>")
                .append("<p>Generated ").append(escape(content.generatedAt().truncatedTo(ChronoUnit.SECONDS))).append(" from the billing database. ")
                .append("CSV files of this report: <a style=\"color:#bcccdc\" href=\"channel-usage.csv\">channel-usage</a>, ")
                .append("<a style=\"color:#bcccdc\" href=\"channel-sizing.csv\">channel-sizing</a>, ")
                .append("<a style=\"color:#bcccdc\" href=\"fair-use.csv\">fair-use</a>, ")
                .append("<a style=\"color:#bcccdc\" href=\"reconciliation.csv\">reconciliation</a>, ")
                .append("<a style=\"color:#bcccdc\" href=\"tax-summary.csv\">tax-summary</a>.</p></header>\n")
                .append("<nav><a href=\"#summary\">Summary</a><a href=\"#accounts\">Accounts</a>")
                .append("<a href=\"#invoices\">Invoices</a><a href=\"#taxes\">Taxes</a>")
                .append("<a href=\"#destinations\">Destinations</a><a href=\"#channels\">Channels</a>")
                .append("<a href=\"#fair-use\">Fair use</a><a href=\"#reconciliation\">Reconciliation</a></nav>\n")
                .append("<main>\n");
        summary(html, content);
        accounts(html, content.accountTotals());
        invoices(html, content.invoices(), period);
        taxes(html, content.taxSummary());
        destinations(html, content.topDestinations());
        channels(html, content.usage(), content.sizing());
        fairUse(html, content.fairUse());
        reconciliation(html, content.reconciliation());
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, Content content) {
        Map<String, BigDecimal> invoiced = new LinkedHashMap<>();
        content.accountTotals().forEach(t -> invoiced.merge(t.currency(), t.total(), BigDecimal::add));
        long onHold = content.invoices().stream().filter(i -> "ON_HOLD".equals(i.status())).count();
        long overCapacityDays = content.usage().stream().filter(DailyUsage::overCapacity).count();
        long refusals = content.usage().stream().mapToLong(DailyUsage::channelLimitRefusals).sum();
        ReconciliationRow total = content.reconciliation().total();
        html.append("<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">");
        card(html, "Invoices", content.invoices().size() + (onHold > 0 ? " (" + onHold + " on hold)" : ""),
                onHold > 0 ? "warn" : null);
        if (invoiced.isEmpty()) {
            card(html, "Invoiced", "none yet", null);
        }
        invoiced.forEach((currency, amount) -> card(html, "Invoiced " + currency, money(amount, currency), null));
        card(html, "CDRs rated (all files)", count(total.rated()), null);
        card(html, "Rejected / anomalies", count(total.rejected()) + " / " + count(total.anomalies()),
                total.rejected() + total.anomalies() > 0 ? "warn" : null);
        card(html, "Over-capacity trunk-days", count(overCapacityDays), overCapacityDays > 0 ? "bad" : null);
        card(html, "Channel-limit refusals", count(refusals), refusals > 0 ? "bad" : null);
        boolean reconciled = total.identityHolds() && total.notYetRated() == 0;
        card(html, "Reconciliation", reconciled ? "balanced" : "NOT balanced", reconciled ? "good" : "bad");
        html.append("</div></section>\n");
    }

    private static void card(StringBuilder html, String label, String value, String cssClass) {
        html.append("<div class=\"card\"><div class=\"label\">").append(escape(label))
                .append("</div><div class=\"value").append(cssClass == null ? "" : " " + cssClass).append("\">")
                .append(escape(value)).append("</div></div>");
    }

    private static void accounts(StringBuilder html, List<AccountTotal> totals) {
        html.append("<section id=\"accounts\"><h2>Totals per account</h2>");
        if (totals.isEmpty()) {
            empty(html, "No invoices for this period yet: run <code>invoice --period P</code>.");
        } else {
            html.append("<table><thead><tr><th>Account</th><th>Name</th><th class=\"num\">Invoices</th>")
                    .append("<th>Currency</th><th class=\"num\">Subtotal</th><th class=\"num\">Tax</th>")
                    .append("<th class=\"num\">Total</th></tr></thead><tbody>");
            for (AccountTotal t : totals) {
                html.append("<tr><td>").append(escape(t.accountId())).append("</td><td>")
                        .append(escape(t.accountName())).append("</td>").append(num(t.invoices()))
                        .append("<td>").append(escape(t.currency())).append("</td>")
                        .append(num(money(t.subtotal(), t.currency()))).append(num(money(t.taxTotal(), t.currency())))
                        .append(num(money(t.total(), t.currency()))).append("</tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>\n");
    }

    private static void invoices(StringBuilder html, List<InvoiceSummary> invoices, String period) {
        html.append("<section id=\"invoices\"><h2>Invoices</h2>");
        if (invoices.isEmpty()) {
            empty(html, "No invoices for this period yet.");
        } else {
            html.append("<table><thead><tr><th>Invoice</th><th>Number</th><th>Account</th><th>Status</th>")
                    .append("<th class=\"num\">Subtotal</th><th class=\"num\">Tax</th><th class=\"num\">Total</th>")
                    .append("<th>Currency</th><th>Adjusts</th><th>Hold reason</th><th>Documents</th></tr></thead><tbody>");
            for (InvoiceSummary i : invoices) {
                String base = "../../invoices/" + period + "/" + SafeFileNames.linkTo(i.invoiceId());
                html.append("<tr><td class=\"file\">").append(escape(i.invoiceId())).append("</td><td class=\"file\">")
                        .append(escape(i.invoiceNumber())).append("</td><td class=\"file\">").append(escape(i.accountId()))
                        .append("</td><td><span class=\"badge ").append(escape(i.status())).append("\">")
                        .append(escape(i.status())).append("</span></td>")
                        .append(num(money(i.subtotal(), i.currency()))).append(num(money(i.taxTotal(), i.currency())))
                        .append(num(money(i.total(), i.currency()))).append("<td>").append(escape(i.currency()))
                        .append("</td><td>").append(escape(i.adjustsInvoiceId())).append("</td><td>")
                        .append(escape(i.holdReason())).append("</td><td><a href=\"").append(escape(base + ".html"))
                        .append("\">HTML</a> · <a href=\"").append(escape(base + ".pdf")).append("\">PDF</a></td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>\n");
    }

    private static void taxes(StringBuilder html, List<TaxSummary> taxes) {
        html.append("<section id=\"taxes\"><h2>Tax summary</h2>");
        if (taxes.isEmpty()) {
            empty(html, "No tax lines for this period.");
        } else {
            html.append("<table><thead><tr><th>Jurisdiction</th><th>Tax code</th><th class=\"num\">Base</th>")
                    .append("<th class=\"num\">Tax</th><th>Currency</th></tr></thead><tbody>");
            for (TaxSummary t : taxes) {
                html.append("<tr><td>").append(escape(t.jurisdiction())).append("</td><td>")
                        .append(escape(t.taxCode())).append("</td>").append(num(money(t.base(), t.currency())))
                        .append(num(money(t.tax(), t.currency()))).append("<td>").append(escape(t.currency()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>\n");
    }

    private static void destinations(StringBuilder html, List<DestinationTotal> destinations) {
        html.append("<section id=\"destinations\"><h2>Top destinations by rated cost</h2>");
        if (destinations.isEmpty()) {
            empty(html, "No rated CDRs for this period.");
        } else {
            html.append("<table><thead><tr><th>Destination</th><th>Category</th><th class=\"num\">Calls</th>")
                    .append("<th class=\"num\">Billed minutes</th><th class=\"num\">Rated cost</th><th>Currency</th>")
                    .append("</tr></thead><tbody>");
            for (DestinationTotal d : destinations) {
                html.append("<tr><td>").append(escape(d.destination())).append("</td><td>")
                        .append(escape(d.category())).append("</td>").append(num(count(d.calls())))
                        .append(num(BigDecimal.valueOf(d.billedSeconds())
                                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString()))
                        .append(num(money(d.cost(), d.currency()))).append("<td>").append(escape(d.currency()))
                        .append("</td></tr>");
            }
            html.append("</tbody></table><p class=\"note\">Sum of the unrounded CDR costs in the rate table's")
                    .append(" currency, shown rounded to its minor unit.</p>");
        }
        html.append("</section>\n");
    }

    private static void channels(StringBuilder html, List<DailyUsage> usage, List<ChannelSizing> sizing) {
        html.append("<section id=\"channels\"><h2>Daily peak channels against capacity</h2>");
        if (usage.isEmpty()) {
            empty(html, "No trunks existed in this period.");
            html.append("</section>\n");
            return;
        }
        html.append("<div class=\"legend\"><i style=\"background:#2f6fb2\"></i>daily peak")
                .append("<i style=\"background:#c62828\"></i>peak above capacity")
                .append("<i style=\"border-top:2px dashed #b26a00;height:0\"></i>channels (capacity)</div>")
                .append("<div class=\"charts\">");
        Map<String, List<DailyUsage>> byTrunk = new LinkedHashMap<>();
        usage.stream().sorted(Comparator.comparing(DailyUsage::trunkId)
                        .thenComparing(DailyUsage::date))
                .forEach(row -> byTrunk.computeIfAbsent(row.trunkId(), id -> new ArrayList<>()).add(row));
        Map<String, ChannelSizing> advice = new LinkedHashMap<>();
        sizing.forEach(s -> advice.put(s.trunkId(), s));
        byTrunk.forEach((trunkId, rows) -> chart(html, trunkId, rows, advice.get(trunkId)));
        html.append("</div>");
        sizingTable(html, sizing);
        html.append("</section>\n");
    }

    /** One small bar chart: a bar per day (peak), a dashed step line for the day's channel count. */
    private static void chart(StringBuilder html, String trunkId, List<DailyUsage> rows, ChannelSizing sizing) {
        int width = 300;
        int height = 110;
        int left = 26;
        int bottom = 16;
        int top = 8;
        int plotHeight = height - bottom - top;
        int maxValue = 1;
        for (DailyUsage row : rows) {
            maxValue = Math.max(maxValue, Math.max(row.peakConcurrent(), row.channels()));
        }
        int daysInMonth = rows.get(0).date().lengthOfMonth();
        double slot = (double) (width - left - 4) / daysInMonth;
        double scale = (double) plotHeight / maxValue;
        html.append("<figure><figcaption>").append(escape(trunkId));
        if (sizing != null) {
            html.append(" <span>p95 ").append(sizing.p95DailyPeak()).append(", max ").append(sizing.maxDailyPeak())
                    .append(", advice ").append(sizing.recommendedChannels()).append("</span> <span class=\"badge ")
                    .append(escape(sizing.advice().name())).append("\">").append(escape(sizing.advice().name()))
                    .append("</span>");
        }
        html.append("</figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"100%\" role=\"img\" aria-label=\"daily peak channels of ")
                .append(escape(trunkId)).append("\">");
        html.append("<line x1=\"").append(left).append("\" y1=\"").append(top + plotHeight).append("\" x2=\"")
                .append(width - 2).append("\" y2=\"").append(top + plotHeight)
                .append("\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>");
        html.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + 8)
                .append("\" font-size=\"9\" text-anchor=\"end\" fill=\"#616e7c\">").append(maxValue).append("</text>");
        html.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + plotHeight)
                .append("\" font-size=\"9\" text-anchor=\"end\" fill=\"#616e7c\">0</text>");
        StringBuilder capacity = new StringBuilder();
        for (DailyUsage row : rows) {
            int day = row.date().getDayOfMonth();
            double x = left + (day - 1) * slot;
            double barHeight = row.peakConcurrent() * scale;
            html.append("<rect x=\"").append(fmt(x + 0.5)).append("\" y=\"").append(fmt(top + plotHeight - barHeight))
                    .append("\" width=\"").append(fmt(Math.max(1, slot - 1))).append("\" height=\"").append(fmt(barHeight))
                    .append("\" fill=\"").append(row.overCapacity() ? "#c62828" : "#2f6fb2").append("\"><title>")
                    .append(escape(row.date() + ": peak " + row.peakConcurrent() + " of " + row.channels()
                            + " channels" + (row.peakAt() == null ? "" : " at " + row.peakAt())
                            + ", " + row.calls() + " calls, utilization " + row.utilization().toPlainString()))
                    .append("</title></rect>");
            double y = top + plotHeight - row.channels() * scale;
            capacity.append(capacity.isEmpty() ? "" : " ").append(fmt(x)).append(',').append(fmt(y)).append(' ')
                    .append(fmt(x + slot)).append(',').append(fmt(y));
        }
        html.append("<polyline points=\"").append(capacity)
                .append("\" fill=\"none\" stroke=\"#b26a00\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>");
        html.append("<text x=\"").append(left).append("\" y=\"").append(height - 3)
                .append("\" font-size=\"9\" fill=\"#616e7c\">").append(escape(rows.get(0).date().withDayOfMonth(1)))
                .append("</text>");
        html.append("<text x=\"").append(width - 2).append("\" y=\"").append(height - 3)
                .append("\" font-size=\"9\" text-anchor=\"end\" fill=\"#616e7c\">")
                .append(escape(rows.get(0).date().withDayOfMonth(daysInMonth))).append("</text>");
        html.append("</svg></figure>");
    }

    private static void sizingTable(StringBuilder html, List<ChannelSizing> sizing) {
        html.append("<h3>Right-sizing advice</h3><table><thead><tr><th>Trunk / group</th><th class=\"num\">Days</th>")
                .append("<th class=\"num\">Channels</th><th class=\"num\">p95 daily peak</th>")
                .append("<th class=\"num\">Max daily peak</th><th class=\"num\">Over-capacity days</th>")
                .append("<th class=\"num\">Refusals</th><th class=\"num\">Recommended</th><th>Advice</th>")
                .append("</tr></thead><tbody>");
        for (ChannelSizing s : sizing) {
            html.append("<tr><td>").append(escape(s.trunkId())).append("</td>").append(num(s.days()))
                    .append(num(s.channels())).append(num(s.p95DailyPeak())).append(num(s.maxDailyPeak()))
                    .append(highlighted(s.overCapacityDays(), "hl")).append(highlighted(s.channelLimitRefusals(), "hl"))
                    .append(num(s.recommendedChannels())).append("<td><span class=\"badge ")
                    .append(escape(s.advice().name())).append("\">").append(escape(s.advice().name()))
                    .append("</span></td></tr>");
        }
        html.append("</tbody></table><p class=\"note\">Recommended = max(1, ceil(p95 of the daily peaks × 1.2));")
                .append(" at least the highest peak + 1 after refusals or over-capacity days.")
                .append(" Over-provisioned: the recommendation is at most half the channels.</p>");
    }

    private static void fairUse(StringBuilder html, List<FairUseRow> rows) {
        html.append("<section id=\"fair-use\"><h2>Fair use (UNLIMITED_US trunks)</h2>");
        if (rows.isEmpty()) {
            empty(html, "No UNLIMITED_US trunk in this period.");
        } else {
            html.append("<table><thead><tr><th>Trunk</th><th>Name</th><th>Account</th>")
                    .append("<th class=\"num\">Allowance min</th><th class=\"num\">Used min</th>")
                    .append("<th class=\"num\">Overage min</th><th class=\"num\">Overage</th>")
                    .append("<th class=\"num\">Short calls</th><th class=\"num\">Longest s</th>")
                    .append("<th class=\"num\" title=\"answered calls longer than trunkbill.fair-use.long-call-seconds\">Long calls</th><th class=\"num\">Outbound</th><th>Flags</th>")
                    .append("</tr></thead><tbody>");
            for (FairUseRow r : rows) {
                html.append("<tr><td>").append(escape(r.trunkId())).append("</td><td>").append(escape(r.trunkName()))
                        .append("</td><td>").append(escape(r.accountId())).append("</td>")
                        .append(num(minutes(r.allowanceMinutes()))).append(num(minutes(r.usedMinutes())))
                        .append(r.overageMinutes().signum() > 0 ? "<td class=\"num hl\">" + escape(minutes(r.overageMinutes()))
                                + "</td>" : num(minutes(r.overageMinutes())))
                        .append(num(r.currency() == null ? "" : money(r.overageAmount(), r.currency()) + " "
                                + r.currency()))
                        .append(num(percent(r.traffic().shortCallShare()))).append(num(r.traffic().longestCallSeconds()))
                        .append(num(r.traffic().longCalls())).append(num(percent(r.traffic().outboundShare())))
                        .append("<td>");
                r.flags().forEach(flag -> html.append("<span class=\"badge flag\">").append(escape(flag))
                        .append("</span>"));
                html.append("</td></tr>");
            }
            html.append("</tbody></table>");
        }
        html.append("</section>\n");
    }

    private static void reconciliation(StringBuilder html, Reconciliation reconciliation) {
        html.append("<section id=\"reconciliation\"><h2>Reconciliation of every CDR file</h2>");
        ReconciliationRow total = reconciliation.total();
        if (total.notYetRated() > 0) {
            html.append("<p class=\"bad\">").append(escape(count(total.notYetRated())))
                    .append(" CDRs accepted but not yet rated: run <code>rate</code>.</p>");
        }
        html.append("<table><thead><tr><th>File</th><th class=\"num\">Read</th><th class=\"num\">Rated</th>")
                .append("<th class=\"num\">Rejected</th><th class=\"num\">Duplicates</th>")
                .append("<th class=\"num\">Anomalies</th><th class=\"num\">No rate</th>")
                .append("<th class=\"num\">Unknown trunk</th><th class=\"num\">Account mismatch</th>")
                .append("<th class=\"num\">No trunk</th><th class=\"num\">Duplicate conflict</th>")
                .append("<th class=\"num\">Malformed</th>")
                .append("<th title=\"read = rated + rejected + duplicates\">Identity</th>")
                .append("</tr></thead><tbody>");
        List<ReconciliationRow> rows = new ArrayList<>(reconciliation.files());
        rows.add(total);
        for (ReconciliationRow r : rows) {
            boolean isTotal = r == total;
            html.append(isTotal ? "<tr class=\"total\">" : "<tr>").append("<td class=\"file\">").append(escape(r.file()))
                    .append("</td>").append(num(count(r.read()))).append(num(count(r.rated())))
                    .append(highlighted(r.rejected(), "hw")).append(num(count(r.duplicates())))
                    .append(highlighted(r.anomalies(), "hl")).append(highlighted(r.noRate(), "hw"))
                    .append(highlighted(r.unknownTrunk(), "hw")).append(highlighted(r.accountMismatch(), "hw"))
                    .append(highlighted(r.noTrunk(), "hw")).append(highlighted(r.duplicateConflict(), "hw"))
                    .append(highlighted(r.malformed(), "hw")).append("<td>")
                    .append(r.identityHolds() ? "<span class=\"good\">holds</span>"
                            : "<span class=\"bad\">broken: " + escape(count(r.notYetRated()))
                            + " not yet rated</span>")
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        html.append("<h3>Anomalies by kind</h3>");
        Map<String, Long> kinds = reconciliation.totalAnomaliesByKind();
        if (kinds.isEmpty()) {
            empty(html, "No anomalies.");
        } else {
            html.append("<table class=\"narrow\"><thead><tr><th>Anomaly</th><th class=\"num\">CDRs</th></tr></thead><tbody>");
            kinds.forEach((kind, n) -> html.append("<tr><td>").append(escape(kind)).append("</td>")
                    .append(highlighted(n, "hl")).append("</tr>"));
            html.append("</tbody></table>");
        }
        html.append("<h3>Money rated (all files, current ratings)</h3>");
        Map<String, BigDecimal> money = reconciliation.totalMoneyRated();
        if (money.isEmpty()) {
            empty(html, "Nothing rated yet.");
        } else {
            html.append("<table class=\"narrow\"><thead><tr><th>Currency</th><th class=\"num\">Rated</th></tr></thead><tbody>");
            money.forEach((currency, amount) -> html.append("<tr><td>").append(escape(currency)).append("</td>")
                    .append(num(money(amount, currency))).append("</tr>"));
            html.append("</tbody></table>");
        }
        html.append("<p class=\"note\">Every row of every file ingested so far, whatever its period (SPEC §7);")
                .append(" identity: read = rated + rejected + duplicates.")
                .append(" Anomalous CDRs are rated and billed; a CDR with several anomalies counts once in the")
                .append(" file's column and once per kind below.</p></section>\n");
    }

    private static void empty(StringBuilder html, String trustedHtml) {
        html.append("<p class=\"empty\">").append(trustedHtml).append("</p>");
    }

    private static String num(Object value) {
        return "<td class=\"num\">" + escape(value) + "</td>";
    }

    private static String highlighted(long value, String cssClass) {
        return "<td class=\"num" + (value > 0 ? " " + cssClass : "") + "\">" + escape(count(value)) + "</td>";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** An amount at its currency's minor-unit scale, half-up, grouped by thousands. */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        BigDecimal rounded = amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + rounded.scale() + "f", rounded);
    }

    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    private static String minutes(BigDecimal minutes) {
        return String.format(Locale.ROOT, "%,.2f", minutes.setScale(2, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
