package com.trunkbill.invoice;

import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.invoice.document.InvoiceDocuments;
import com.trunkbill.invoice.document.InvoicePdf;
import com.trunkbill.invoice.document.InvoiceViews;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceIssue;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.invoice.model.TaxSummaryRow;
import com.trunkbill.support.AtomicFiles;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.support.CsvOutput;
import com.trunkbill.support.SafeFileNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes every invoice file of a period from the database (SPEC §7), whatever the run changed:
 * {@code invoices/P/invoices.csv}, {@code invoice-lines.csv}, {@code <invoice_id>.html} and {@code .pdf} per invoice
 * (documents of invoices that no longer exist are removed), and {@code reports/P/tax-summary.csv}.
 */
@Service
public class InvoiceFiles {

    static final List<String> INVOICE_COLUMNS = List.of("invoice_id", "invoice_number", "account_id", "period",
            "currency", "status", "hold_reason", "subtotal", "tax_total", "total", "adjusts_invoice_id");
    static final List<String> LINE_COLUMNS = List.of("invoice_id", "line_no", "kind", "trunk_id", "trunk_name",
            "category", "destination", "quantity", "unit", "unit_price", "amount", "currency", "tax_code",
            "jurisdiction", "note");
    /** SPEC §7 names the first five; {@code status} (FINAL, DRAFT, ON_HOLD) keeps payable and provisional tax apart. */
    static final List<String> TAX_SUMMARY_COLUMNS = List.of("jurisdiction", "tax_code", "base", "tax", "currency",
            "status");

    private final InvoiceRepository invoices;
    private final TaxSummaryRepository taxSummaries;
    private final InventoryRepository inventory;
    private final Path outputDir;
    private final InvoiceDocuments documents;

    public InvoiceFiles(InvoiceRepository invoices, TaxSummaryRepository taxSummaries, InventoryRepository inventory,
                        @Value("${trunkbill.output-dir}") Path outputDir, InvoiceDocuments documents) {
        this.invoices = invoices;
        this.taxSummaries = taxSummaries;
        this.inventory = inventory;
        this.outputDir = outputDir;
        this.documents = documents;
    }

    public Path invoiceDir(BillingPeriod period) {
        return outputDir.resolve("invoices").resolve(period.toString());
    }

    public Path taxSummary(BillingPeriod period) {
        return outputDir.resolve("reports").resolve(period.toString()).resolve("tax-summary.csv");
    }

    /** Writes the files and returns the invoices written (ordered by id). */
    public List<Invoice> write(BillingPeriod period) {
        List<Invoice> all = new ArrayList<>(invoices.invoicesOf(period).values());
        Path dir = invoiceDir(period);
        try (CsvOutput csv = CsvOutput.create(dir.resolve("invoices.csv"), INVOICE_COLUMNS)) {
            for (Invoice invoice : all) {
                csv.row(invoice.invoiceId(), invoice.invoiceNumber(), invoice.accountId(), invoice.period(),
                        invoice.currency(), invoice.status().name(), invoice.holdReason(),
                        Rounding.decimal(invoice.subtotal()), Rounding.decimal(invoice.taxTotal()),
                        Rounding.decimal(invoice.total()), invoice.adjustsInvoiceId());
            }
        }
        try (CsvOutput csv = CsvOutput.create(dir.resolve("invoice-lines.csv"), LINE_COLUMNS)) {
            for (Invoice invoice : all) {
                int lineNo = 0;
                for (InvoiceLine line : invoice.lines()) {
                    csv.row(invoice.invoiceId(), ++lineNo, line.kind().name(), line.trunkId(), line.trunkName(),
                            line.category(), line.destination(), quantityCell(line), line.unit(),
                            line.unitPrice() == null ? null : new BigDecimal(InvoiceViews.plain(line.unitPrice())),
                            Rounding.decimal(line.amount()), line.currency(), line.taxCode(), line.jurisdiction(),
                            line.note());
                }
            }
        }
        writeDocuments(all, dir);
        writeTaxSummary(taxSummary(period), period);
        return all;
    }

    /** Rewrites {@code reports/P/tax-summary.csv} alone, from the stored invoices (the report job's copy). */
    public Path writeTaxSummary(BillingPeriod period) {
        Path file = taxSummary(period);
        writeTaxSummary(file, period);
        return file;
    }

    private static Object quantityCell(InvoiceLine line) {
        return line.quantity() == null ? null : new BigDecimal(InvoiceViews.quantity(line));
    }

    private void writeDocuments(List<Invoice> all, Path dir) {
        Map<String, Account> accounts = inventory.accounts();
        Map<String, ServiceAddress> addresses = inventory.serviceAddresses();
        Map<String, ServiceAddress> trunkAddresses = new HashMap<>();
        for (TrunkTimeline trunk : inventory.trunkTimelines().values()) {
            if (trunk.serviceAddressId() != null && addresses.containsKey(trunk.serviceAddressId())) {
                trunkAddresses.put(trunk.trunkId(), addresses.get(trunk.serviceAddressId()));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Invoice invoice : all) {
            ids.add(invoice.invoiceId());
            if (invoice.adjustsInvoiceId() != null) {
                ids.add(invoice.adjustsInvoiceId());
            }
        }
        Map<String, InvoiceIssue> issues = invoices.issues(ids);
        Set<String> current = new HashSet<>();
        for (Invoice invoice : all) {
            String html = documents.html(invoice, issues.get(invoice.invoiceId()),
                    invoice.adjustsInvoiceId() == null ? null : issues.get(invoice.adjustsInvoiceId()),
                    accounts.get(invoice.accountId()), trunkAddresses);
            // the invoice id holds the account id: SafeFileNames keeps it one harmless name under dir
            Path htmlFile = SafeFileNames.file(dir, invoice.invoiceId(), ".html");
            Path pdfFile = SafeFileNames.file(dir, invoice.invoiceId(), ".pdf");
            AtomicFiles.writeString(htmlFile, html);
            InvoicePdf.write(html, pdfFile);
            current.add(htmlFile.getFileName().toString());
            current.add(pdfFile.getFileName().toString());
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{html,pdf}")) {
            for (Path file : files) {
                if (!current.contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    private void writeTaxSummary(Path target, BillingPeriod period) {
        try (CsvOutput csv = CsvOutput.create(target, TAX_SUMMARY_COLUMNS)) {
            for (TaxSummaryRow row : taxSummaries.taxSummary(period)) {
                csv.row(row.jurisdiction(), row.taxCode(), Rounding.round(row.base(), row.currency()),
                        Rounding.round(row.tax(), row.currency()), row.currency(), row.status().name());
            }
        }
    }

}
