package com.trunkbill.invoice.document;

import com.trunkbill.templates.TemplateConfiguration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

import java.io.IOException;
import java.nio.file.Path;

import static com.trunkbill.invoice.document.InvoiceSamples.billing;
import static com.trunkbill.invoice.document.InvoiceSamples.customer;
import static com.trunkbill.invoice.document.InvoiceSamples.draft;
import static com.trunkbill.invoice.document.InvoiceSamples.finalInvoice;
import static com.trunkbill.invoice.document.InvoiceSamples.issued;
import static com.trunkbill.invoice.document.InvoiceSamples.lines;
import static com.trunkbill.invoice.document.InvoiceSamples.trunkAddresses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PDF a customer receives, read back with PDFBox: a FINAL invoice of a Croatian seller carries every legal
 * field, the diacritics survive (the embedded DejaVu Sans font), and a long invoice numbers its pages and repeats
 * the table header on each page.
 */
class InvoicePdfAcceptanceTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class,
                    ThymeleafAutoConfiguration.class))
            .withUserConfiguration(TemplateConfiguration.class, InvoiceDocuments.class)
            .withPropertyValues("trunkbill.seller.name=Čakovec Telekom d.o.o. (Đurđa Ćirić)",
                    "trunkbill.seller.street=Ulica kralja Tomislava 12", "trunkbill.seller.postal-code=40000",
                    "trunkbill.seller.city=Čakovec", "trunkbill.seller.vat-id=HR98765432109",
                    "trunkbill.seller-country=HR");

    @Test
    void aFinalInvoiceOfACroatianSellerCarriesEveryLegalFieldAndItsDiacritics(@TempDir Path dir) throws IOException {
        // 60 more usage lines: the table runs over more than one page
        Path pdf = dir.resolve("invoice.pdf");
        context.run(app -> InvoicePdf.write(app.getBean(InvoiceDocuments.class).html(finalInvoice(lines(60)),
                issued(), null, customer(billing()), trunkAddresses()), pdf));

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice number", "INV-202610-000042")
                    .contains("Issue date", "2026-11-03")
                    .contains("Due date", "2026-12-03 (30 days net)")
                    .contains("Čakovec Telekom d.o.o. (Đurđa Ćirić)", "Ulica kralja Tomislava 12", "40000 Čakovec",
                            "HR98765432109")
                    .contains("Großhandel Café Müller d.o.o.", "Ulica Đure Đakovića 5", "HR12345678901")
                    .contains("PDV (porez na dodanu vrijednost) u €")
                    .contains("Page 1 of " + pages, "Page " + pages + " of " + pages)
                    .doesNotContain("#akovec", "DRAFT");
            assertThat(pageText(document, 2)).contains("Unit price", "Amount (EUR)");
            // A4: 210 x 297 mm = 595 x 842 pt
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, within(1f));
        }
    }

    @Test
    void aDraftPdfIsWatermarked(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("draft.pdf");
        context.run(app -> InvoicePdf.write(app.getBean(InvoiceDocuments.class).html(draft(lines(0)), null, null,
                customer(billing()), trunkAddresses()), pdf));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document)).contains("DRAFT", "not issued yet")
                    .contains("Page 1 of " + document.getNumberOfPages());
        }
    }

    @Test
    void letterPaperIsAnOption(@TempDir Path dir) throws IOException {
        Path pdf = dir.resolve("letter.pdf");
        context.withPropertyValues("trunkbill.invoice.paper-size=letter").run(app -> InvoicePdf.write(
                app.getBean(InvoiceDocuments.class).html(draft(lines(0)), null, null, customer(billing()),
                        trunkAddresses()), pdf));
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            // US Letter: 8.5 x 11 in = 612 x 792 pt (A4 would be 595 x 842)
            assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(612f, within(1f));
            assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(792f, within(1f));
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
