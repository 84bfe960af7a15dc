package com.trunkbill.report;

import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.TaxSummaryRow;
import com.trunkbill.report.FinanceRepository.AccountTotal;
import com.trunkbill.report.FinanceRepository.DestinationTotal;
import com.trunkbill.report.FinanceRepository.InvoiceSummary;
import com.trunkbill.report.ReconciliationRepository.Reconciliation;
import com.trunkbill.report.model.ReconciliationRow;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.usage.model.ChannelSizing;
import com.trunkbill.usage.model.DailyUsage;
import com.trunkbill.usage.model.FairUseRow;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code reports/P/index.html}: the period at a glance for a finance analyst (SPEC §7), rendered by the
 * template {@code templates/report/index.html} with the application's template engine; labels come from
 * {@code messages.properties} ({@code report.*}). One self-contained page: inline CSS and inline SVG charts, no
 * script, font or stylesheet from anywhere, so it works offline and from a mail attachment. The engine escapes
 * every value ({@code th:text}, {@code th:attr}); this class only arranges the figures.
 */
@Component
class IndexPage {

    /** The template's name under {@code templates/}. */
    static final String TEMPLATE = "report/index";

    private final ITemplateEngine templates;

    IndexPage(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** Everything the page shows. */
    record Content(BillingPeriod period, Instant generatedAt, List<AccountTotal> accountTotals,
                   List<InvoiceSummary> invoices, List<TaxSummaryRow> taxSummary,
                   List<DestinationTotal> topDestinations, List<DailyUsage> usage, List<ChannelSizing> sizing,
                   List<FairUseRow> fairUse, Reconciliation reconciliation) {
    }

    /** One figure of the summary: a label from the bundle (with one argument), a value, a CSS class or none. */
    record Card(String labelKey, String labelArgument, String value, String cssClass) {
    }

    /** Rows of one group: tax rows of one invoice status, destinations of one currency. */
    record Group<T>(String name, List<T> rows) {
    }

    String render(Content content) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("fmt", ReportFormat.INSTANCE);
        context.setVariable("period", content.period().toString());
        context.setVariable("generatedAt", content.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        context.setVariable("cards", cards(content));
        context.setVariable("accountTotals", content.accountTotals());
        context.setVariable("invoices", content.invoices());
        context.setVariable("taxGroups", taxGroups(content.taxSummary()));
        context.setVariable("destinationGroups", destinationGroups(content.topDestinations()));
        context.setVariable("topDestinations", FinanceRepository.TOP_DESTINATIONS);
        context.setVariable("charts", charts(content.usage(), content.sizing()));
        context.setVariable("sizing", content.sizing());
        context.setVariable("fairUse", content.fairUse());
        Reconciliation reconciliation = content.reconciliation();
        List<ReconciliationRow> reconciliationRows = new ArrayList<>(reconciliation.files());
        reconciliationRows.add(reconciliation.total());
        context.setVariable("reconciliationRows", reconciliationRows);
        context.setVariable("reconciliationTotal", reconciliation.total());
        context.setVariable("anomaliesByKind", reconciliation.totalAnomaliesByKind());
        context.setVariable("moneyRated", reconciliation.totalMoneyRated());
        return templates.process(TEMPLATE, context);
    }

    /**
     * The summary cards. "Invoiced" sums FINAL and DRAFT invoices and notes per currency; ON_HOLD invoices are not
     * invoiced (they cannot be finalized until their hold reason is resolved) and have their own card per currency.
     */
    static List<Card> cards(Content content) {
        ReportFormat fmt = ReportFormat.INSTANCE;
        Map<String, BigDecimal> invoiced = new TreeMap<>();
        Map<String, BigDecimal> onHold = new TreeMap<>();
        for (InvoiceSummary invoice : content.invoices()) {
            boolean held = InvoiceStatus.ON_HOLD.name().equals(invoice.status());
            (held ? onHold : invoiced).merge(invoice.currency(), invoice.total(), BigDecimal::add);
        }
        long onHoldCount = content.invoices().stream().filter(i -> InvoiceStatus.ON_HOLD.name().equals(i.status()))
                .count();
        long overCapacityDays = content.usage().stream().filter(DailyUsage::overCapacity).count();
        long refusals = content.usage().stream().mapToLong(DailyUsage::channelLimitRefusals).sum();
        ReconciliationRow total = content.reconciliation().total();
        List<Card> cards = new ArrayList<>();
        cards.add(new Card(onHoldCount > 0 ? "report.card.invoices-on-hold" : "report.card.invoices",
                fmt.count(onHoldCount), fmt.count(content.invoices().size()), onHoldCount > 0 ? "warn" : null));
        if (invoiced.isEmpty()) {
            cards.add(new Card("report.card.invoiced-none", null, "-", null));
        }
        invoiced.forEach((currency, amount) -> cards.add(new Card("report.card.invoiced", currency,
                fmt.money(amount, currency), null)));
        onHold.forEach((currency, amount) -> cards.add(new Card("report.card.on-hold", currency,
                fmt.money(amount, currency), "warn")));
        cards.add(new Card("report.card.rated", null, fmt.count(total.rated()), null));
        cards.add(new Card("report.card.rejected-anomalies", null,
                fmt.count(total.rejected()) + " / " + fmt.count(total.anomalies()),
                total.rejected() + total.anomalies() > 0 ? "warn" : null));
        cards.add(new Card("report.card.over-capacity-days", null, fmt.count(overCapacityDays),
                overCapacityDays > 0 ? "bad" : null));
        cards.add(new Card("report.card.refusals", null, fmt.count(refusals), refusals > 0 ? "bad" : null));
        boolean reconciled = total.identityHolds() && total.notYetRated() == 0;
        cards.add(new Card("report.card.reconciliation", null, reconciled ? "balanced" : "NOT balanced",
                reconciled ? "good" : "bad"));
        return cards;
    }

    /** FINAL first (payable), then DRAFT, then ON_HOLD; within a status, the summary's own order. */
    static List<Group<TaxSummaryRow>> taxGroups(List<TaxSummaryRow> rows) {
        Map<InvoiceStatus, List<TaxSummaryRow>> byStatus = new TreeMap<>(
                Comparator.comparingInt(TaxSummaryRow::statusRank));
        rows.forEach(row -> byStatus.computeIfAbsent(row.status(), s -> new ArrayList<>()).add(row));
        List<Group<TaxSummaryRow>> groups = new ArrayList<>();
        byStatus.forEach((status, statusRows) -> groups.add(new Group<>(status.name(), statusRows)));
        return groups;
    }

    static List<Group<DestinationTotal>> destinationGroups(List<DestinationTotal> rows) {
        Map<String, List<DestinationTotal>> byCurrency = new TreeMap<>();
        rows.forEach(row -> byCurrency.computeIfAbsent(row.currency(), c -> new ArrayList<>()).add(row));
        List<Group<DestinationTotal>> groups = new ArrayList<>();
        byCurrency.forEach((currency, currencyRows) -> groups.add(new Group<>(currency, currencyRows)));
        return groups;
    }

    static List<ChannelChart> charts(List<DailyUsage> usage, List<ChannelSizing> sizing) {
        Map<String, List<DailyUsage>> byTrunk = new LinkedHashMap<>();
        usage.stream().sorted(Comparator.comparing(DailyUsage::trunkId).thenComparing(DailyUsage::date))
                .forEach(row -> byTrunk.computeIfAbsent(row.trunkId(), id -> new ArrayList<>()).add(row));
        Map<String, ChannelSizing> advice = new LinkedHashMap<>();
        sizing.forEach(s -> advice.put(s.trunkId(), s));
        List<ChannelChart> charts = new ArrayList<>();
        byTrunk.forEach((trunkId, rows) -> charts.add(ChannelChart.of(trunkId, rows, advice.get(trunkId))));
        return charts;
    }
}
