package com.trunkbill.invoice.document;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceIssue;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.templates.TemplateConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.trunkbill.invoice.document.InvoiceSamples.billing;
import static com.trunkbill.invoice.document.InvoiceSamples.customer;
import static com.trunkbill.invoice.document.InvoiceSamples.draft;
import static com.trunkbill.invoice.document.InvoiceSamples.eur;
import static com.trunkbill.invoice.document.InvoiceSamples.finalInvoice;
import static com.trunkbill.invoice.document.InvoiceSamples.issued;
import static com.trunkbill.invoice.document.InvoiceSamples.lines;
import static com.trunkbill.invoice.document.InvoiceSamples.trunkAddresses;
import static org.assertj.core.api.Assertions.assertThat;

/** The invoice document: template, labels, legal content, prices with their currency, the template-dir override. */
class InvoiceDocumentsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
                    ThymeleafAutoConfiguration.class))
            .withUserConfiguration(TemplateConfiguration.class, InvoiceDocuments.class);

    private String render(Function<InvoiceDocuments, String> rendering, String... properties) {
        String[] html = new String[1];
        context.withPropertyValues(properties).run(app -> {
            assertThat(app).hasNotFailed();
            html[0] = rendering.apply(app.getBean(InvoiceDocuments.class));
        });
        return html[0];
    }

    private String finalHtml(String... properties) {
        return render(documents -> documents.html(finalInvoice(lines(0)), issued(), null, customer(billing()),
                trunkAddresses()), properties);
    }

    @Test
    void theEngineEscapesNamesAndNotes() {
        Account account = new Account("ACC-HR", "<script>alert(1)</script> Tom & Jerry", "EUR", "HR", "STANDARD",
                null);
        String html = render(documents -> documents.html(draft(lines(0)), null, null, account, trunkAddresses()),
                "trunkbill.seller.name=Seller <b>bold</b> & Co");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry")
                .contains("Seller &lt;b&gt;bold&lt;/b&gt; &amp; Co")
                .doesNotContain("<script>").doesNotContain("<b>bold");
    }

    @Test
    void aFinalInvoiceCarriesItsNumberIssueAndDueDateSellerAndBillingAddress() {
        String html = finalHtml("trunkbill.seller.name=Jadran Telekom d.o.o.", "trunkbill.seller.street=Ilica 1",
                "trunkbill.seller.postal-code=10000", "trunkbill.seller.city=Zagreb",
                "trunkbill.seller.vat-id=HR98765432109");
        // finalized 2026-11-03T09:15Z; default terms 30 days -> due 2026-12-03
        assertThat(html).contains("<td>INV-202610-000042</td>").contains("<td>2026-11-03</td>")
                .contains("<td>2026-12-03 (30 days net)</td>")
                .contains("<div class=\"strong\">Jadran Telekom d.o.o.</div>", "<div>Ilica 1</div>",
                        "<div>10000 Zagreb</div>", "<span>HR98765432109</span>")
                .contains("<div>Ulica Đure Đakovića 5</div>", "<div>40000 Čakovec</div>", "<div>Croatia</div>")
                .contains("<span>HR12345678901</span>")
                .doesNotContain("class=\"watermark\"");
    }

    @Test
    void paymentTermsAreConfigurable() {
        // 2026-11-03 + 14 days
        assertThat(finalHtml("trunkbill.invoice.payment-terms-days=14")).contains("<td>2026-11-17 (14 days net)</td>");
    }

    @Test
    void aDraftIsWatermarkedAndHasNoNumberNorDates() {
        String html = render(documents -> documents.html(draft(lines(0)), null, null, customer(billing()),
                trunkAddresses()));
        assertThat(html).contains("<div class=\"watermark\">DRAFT</div>")
                .contains("<td>assigned when the invoice is finalized</td>", "<td>not issued yet</td>",
                        "<td>30 days after issue</td>");
    }

    @Test
    void withoutBillingColumnsOnlyTheCountryIsShown() {
        String html = render(documents -> documents.html(finalInvoice(lines(0)), issued(), null,
                customer(BillingAddress.NONE), trunkAddresses()));
        assertThat(html).contains("<div class=\"strong\">Großhandel Café Müller d.o.o.</div>\n"
                        + "    <div>Croatia</div>")
                .doesNotContain("Đure");
    }

    @Test
    void usAddressesPutCityStateAndZipOnOneLine() {
        Account us = new Account("ACC-US", "Acme", "USD", "US", "STANDARD", null,
                new BillingAddress("1250 Broadway, Suite 1400", "New York", "10001", "NY"));
        String html = render(documents -> documents.html(draft(lines(0)), null, null, us, trunkAddresses()));
        assertThat(html).contains("<div>1250 Broadway, Suite 1400</div>", "<div>New York NY 10001</div>",
                "<div>United States</div>");
    }

    @Test
    void everyPriceNamesItsCurrencyAndConversionsAreRoundedDetails() {
        String html = finalHtml();
        // the Germany rate is in USD on an EUR invoice; 0.0804000001 USD shown as 0.0804 USD (exact in the CSV)
        assertThat(html).contains("<td class=\"num\">0.008 USD</td>")
                .contains("<div class=\"detail\">converted from 0.0804 USD at USD-&gt;EUR 0.878076 (2026-10-31)</div>")
                .doesNotContain("0.0804000001")
                .contains("<th class=\"num\">Amount (EUR)</th>")
                .contains("<td class=\"num\">included in plan</td>", "<td class=\"num\">several rates</td>")
                .contains("Metered plan 15 USD per channel-month × 62 channel-days / 31 days",
                        "converted from 30 USD at USD-&gt;EUR 0.878076 (2026-10-31)")
                .contains("<td class=\"num\">25 %</td>");
    }

    @Test
    void labelsComeFromTheBundleNeverFromEnumNames() {
        String html = finalHtml();
        assertThat(html).contains("<span>Outbound calls</span>", "<span>US calls in the unlimited plan</span>",
                        "<span>Channel fee</span>", "<td>Final</td>")
                .doesNotContain("US_UNLIMITED", "TERMINATION", "METERED", "CHANNEL_FEE", "Usage us unlimited", "FINAL");
    }

    @Test
    void aCreditNoteNamesTheInvoiceItAdjustsWithItsNumberAndDate() {
        InvoiceLine credit = new InvoiceLine(LineKind.ADJUSTMENT, "TRK-1", "zg-pbx", "TERMINATION", "Germany", null,
                null, null, eur("-0.05"), null, null, "USAGE was 0.07, now 0.02", null, LineKind.USAGE);
        Invoice note = Invoice.unnumbered("ACC-HR-202610-A1", "ACC-HR", "2026-10", "EUR", null, "ACC-HR-202610",
                List.of(credit));
        String html = render(documents -> documents.html(note, null, issued(), customer(billing()), Map.of()));
        assertThat(html).contains("<h1>Credit note</h1>")
                .contains("<td>INV-202610-000042 of 2026-11-03 (id ACC-HR-202610)</td>")
                .contains("<td>Adjustment: Outbound calls</td>", "<div>Calls: was 0.07, now 0.02</div>")
                .doesNotContain("USAGE");
    }

    @Test
    void aTemplateInTheTemplateDirReplacesTheBuiltInOne(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("invoice"));
        Files.writeString(dir.resolve("invoice/invoice.html"), """
                <html xmlns:th="http://www.thymeleaf.org"><body><p th:text="'Branded ' + ${doc.invoiceNumber()}">x</p>\
                <p th:text="#{invoice.title.invoice}">t</p></body></html>""");
        String html = finalHtml("trunkbill.template-dir=" + dir);
        assertThat(html).isEqualTo("<html><body><p>Branded INV-202610-000042</p><p>Invoice</p></body></html>");
    }

    @Test
    void messagesInTheTemplateDirTranslateTheBuiltInTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("messages.properties"), """
                invoice.title.invoice=Račun
                invoice.due-date=Datum dospijeća
                """);
        String html = finalHtml("trunkbill.template-dir=" + dir);
        // no invoice/invoice.html in the folder: the jar's template, with the operator's labels first
        assertThat(html).contains("<h1>Račun</h1>", "<th>Datum dospijeća</th>", "<th>Issue date</th>");
    }

    @Test
    void aTemplateDirThatIsNotAFolderStopsTheStart(@TempDir Path dir) {
        context.withPropertyValues("trunkbill.template-dir=" + dir.resolve("missing")).run(app ->
                assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("trunkbill.template-dir").hasMessageContaining("is not a folder"));
    }

    @Test
    void notesOfUnknownShapeAreShownAsTheyAre() {
        Labels labels = new Labels() {
            @Override
            public String get(String key, Object... args) {
                return key;
            }

            @Override
            public String getOrDefault(String key, String fallback) {
                return fallback;
            }
        };
        InvoiceViews views = new InvoiceViews(labels, Seller.of("S", "HR"), 30, java.util.Locale.ENGLISH);
        assertThat(views.details("allowance 5000.00 min, used 5300.00 min; something new"))
                .containsExactly("invoice.detail.allowance", "something new");
        assertThat(InvoiceViews.priceCurrency(InvoiceSamples.usage("TERMINATION", "X", "1", "0.01", "0.01",
                "not converted: no FX rate GBP->EUR on or before 2026-10-31 (0.01 GBP left out)"), "EUR"))
                .isEqualTo("GBP");
        assertThat(InvoiceViews.priceCurrency(InvoiceSamples.usage("TERMINATION", "X", "1", "0.01", "0.01", null),
                "EUR")).isEqualTo("EUR");
    }
}
