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
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page template rendered by a template engine set up as Spring Boot sets up the application's (classpath
 * {@code templates/}, {@code .html}, HTML mode, the {@code messages} bundle): values are escaped by the engine,
 * labels come from the bundle, amounts are grouped and rounded per currency.
 */
class IndexPageTests {

    private static final String SCRIPT = "<script>alert('x')</script> & \"Co\"";

    static SpringTemplateEngine bootLikeEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    private static String render(List<InvoiceSummary> invoices, List<AccountTotal> totals, List<TaxSummaryRow> taxes,
                                 List<DestinationTotal> destinations, List<DailyUsage> usage) {
        ReconciliationRow file = new ReconciliationRow(SCRIPT, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        Reconciliation reconciliation = new Reconciliation(List.of(file), ReconciliationRow.total(List.of(file)),
                List.of(Map.of()), List.of(Map.of("USD", new BigDecimal("1234.565"))));
        List<ChannelSizing> sizing = usage.isEmpty() ? List.of() : List.of(ChannelSizing.of(usage));
        return new IndexPage(bootLikeEngine()).render(new IndexPage.Content(BillingPeriod.parse("2026-10"),
                Instant.parse("2026-11-01T02:03:04.567Z"), totals, invoices, taxes, destinations, usage, sizing,
                List.of(), reconciliation));
    }

    private static InvoiceSummary invoice(String id, String status, String total) {
        return new InvoiceSummary(id, null, "ACC-1", SCRIPT, "USD", status, null, new BigDecimal(total),
                BigDecimal.ZERO, new BigDecimal(total), null);
    }

    @Test
    void theEngineEscapesEveryValueAScriptAccountNameIncluded() {
        String html = render(List.of(invoice("INV-1", "DRAFT", "10.00")),
                List.of(new AccountTotal("ACC-1", SCRIPT, "USD", 1, new BigDecimal("10.00"), BigDecimal.ZERO,
                        new BigDecimal("10.00"), 0, BigDecimal.ZERO)),
                List.of(), List.of(), List.of());

        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')</")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;")
                .contains("<title>trunkbill report 2026-10</title>", "trunkbill — billing period 2026-10",
                        "Generated 2026-11-01T02:03:04Z from the billing database.");
    }

    @Test
    void invoicedExcludesOnHoldInvoicesWhichHaveTheirOwnCard() {
        String html = render(List.of(invoice("INV-1", "FINAL", "1000.00"), invoice("INV-2", "DRAFT", "23.89"),
                invoice("INV-3", "ON_HOLD", "2900.00")), List.of(), List.of(), List.of(), List.of());

        // 1,000.00 + 23.89 invoiced; the ON_HOLD 2,900.00 apart
        assertThat(html).contains("<div class=\"label\">Invoiced USD</div><div class=\"value\">1,023.89</div>",
                "<div class=\"label\">On hold USD</div><div class=\"value warn\">2,900.00</div>",
                "<div class=\"label\">Invoices (1 on hold)</div><div class=\"value warn\">3</div>");
    }

    @Test
    void taxesAreGroupedFinalDraftOnHold() {
        String html = render(List.of(), List.of(), List.of(
                new TaxSummaryRow("SG", "SG-GST", "SGD", InvoiceStatus.FINAL, new BigDecimal("100.00"),
                        new BigDecimal("9.00")),
                new TaxSummaryRow("SG", "SG-GST", "SGD", InvoiceStatus.DRAFT, new BigDecimal("-10.00"),
                        new BigDecimal("-0.90")),
                new TaxSummaryRow("US-NY", "US-NY-SALES", "USD", InvoiceStatus.ON_HOLD, new BigDecimal("50.00"),
                        new BigDecimal("2.00"))), List.of(), List.of());

        assertThat(html).containsSubsequence("Final: tax payable", "<td>SG</td><td>SG-GST</td>"
                        + "<td class=\"num\">100.00</td><td class=\"num\">9.00</td><td>SGD</td>",
                "Draft: may still change until finalized", "<td class=\"num\">-10.00</td><td class=\"num\">-0.90</td>",
                "On hold: not invoiced", "<td>US-NY</td><td>US-NY-SALES</td>");
    }

    @Test
    void destinationsAreRankedPerCurrency() {
        String html = render(List.of(), List.of(), List.of(), List.of(
                new DestinationTotal("Germany", "TERMINATION", "EUR", 2, 120, new BigDecimal("5.5")),
                new DestinationTotal("United States", "TERMINATION", "USD", 3, 180, new BigDecimal("1234.565"))),
                List.of());

        assertThat(html).containsSubsequence("Rated in EUR (top 15)", "<td>Germany</td>", "<td class=\"num\">5.50</td>",
                "Rated in USD (top 15)", "<td>United States</td>", "<td class=\"num\">1,234.57</td>");
    }

    @Test
    void chartsAreInlineSvgWithTheSizingReason() {
        List<DailyUsage> usage = List.of(
                new DailyUsage(LocalDate.parse("2026-10-01"), "TRK-<1>", 2, 3, null, 0, 3, 3, 1),
                new DailyUsage(LocalDate.parse("2026-10-02"), "TRK-<1>", 2, 1, null, 0, 1, 1, 0));

        String html = render(List.of(), List.of(), List.of(), List.of(), usage);

        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", "viewBox=\"0 0 300 110\"",
                        "aria-label=\"daily peak channels of TRK-&lt;1&gt;\"", "fill=\"#c62828\"",
                        "<title>2026-10-01: peak 3 of 2 channels, 3 calls, utilization 0.0000</title>",
                        "UNDER_PROVISIONED", "demand above the limit (1 days over capacity, 1 refusals while at the "
                                + "limit) -&gt; at least peak + 1 = 4")
                .doesNotContain("TRK-<1>");
    }

    @Test
    void moneyIsShownAtTheCurrencyMinorUnitHalfUp() {
        ReportFormat fmt = ReportFormat.INSTANCE;
        assertThat(fmt.money(new BigDecimal("1234.565"), "USD")).isEqualTo("1,234.57");
        assertThat(fmt.money(new BigDecimal("1234.5"), "JPY")).isEqualTo("1,235");
        assertThat(fmt.money(new BigDecimal("1.2345"), "BHD")).isEqualTo("1.235");
        assertThat(fmt.money(new BigDecimal("-0.125"), "EUR")).isEqualTo("-0.13");
    }
}
