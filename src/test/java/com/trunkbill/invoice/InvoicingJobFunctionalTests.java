package com.trunkbill.invoice;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.INVOICE_NUMBER_COUNTER;
import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.berlin;
import static com.trunkbill.invoice.InvoiceFixtures.businessAccount;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.standardPlans;
import static com.trunkbill.invoice.InvoiceFixtures.zagreb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * invoicingJob end to end on a real database (rated_cdr rows inserted directly). October 2026, 31 days.
 * <ul>
 *   <li>ACC-A (US, USD), trunk TA-1 10 channels at a New York address: fee 15.00 * 310 / 31 = 150.00, one Germany
 *       call of 6,000 s at 0.0250 = 2.50 -> subtotal 152.50. Taxes on 152.50: US-USF 0.244024 * 152.50 = 37.21366
 *       -> 37.21; US-NY-SALES 6.10; US-NY-MCTD 0.571875 -> 0.57; US-NY-NYC-LOCAL 6.8625 -> 6.86; US-NY-E911 1.00 *
 *       310 / 31 = 10.00 -> tax 60.74, total 213.24.</li>
 *   <li>ACC-B (HR business, EUR), trunk TB-1 2 channels in Zagreb: fee 15.00 * 62 / 31 = 30.00 USD * 0.878076 =
 *       26.34228 -> 26.34 EUR; HR-VAT (domestic: charged) 0.25 * 26.34 = 6.585 -> 6.59; total 32.93.</li>
 *   <li>ACC-C (US, USD), trunk TC-1 without address (MISSING_PPU): ON_HOLD, fee 150.00 still shown.</li>
 *   <li>ACC-D has no trunk and no usage: no invoice.</li>
 * </ul>
 */
public abstract class InvoicingJobFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    @Autowired
    InvoiceRepository invoices;

    InvoiceFixtures.Db given;
    String germanyCall;

    @BeforeEach
    void october() {
        given = new InvoiceFixtures.Db(db);
        ServiceAddress ny = newYork("ADDR-A-NY", "ACC-A");
        ServiceAddress zg = zagreb("ADDR-B-ZG", "ACC-B");
        given.plans(standardPlans()).taxes(sampleTaxRows())
                .fxRates(fx("2026-10-30", "USD", "EUR", "0.9"), fx("2026-10-31", "USD", "EUR", "0.878076"),
                        fx("2026-11-02", "USD", "EUR", "0.5"))
                .account(new Account("ACC-A", "Acme <Logistics> & Co", "USD", "US", "STANDARD", null))
                .account(businessAccount("ACC-B", "EUR", "HR", "HR12345678901"))
                .account(account("ACC-C", "USD", "US"))
                .account(account("ACC-D", "USD", "US"))
                .address(ny).address(zg)
                .trunk(aTrunk("TA-1").of("ACC-A").channels(10).at(ny).build())
                .trunk(aTrunk("TB-1").of("ACC-B").channels(2).at(zg).inDataCenter(DataCenter.FRANKFURT).build())
                .trunk(aTrunk("TC-1").of("ACC-C").channels(10).missingPpu().build());
        germanyCall = given.ratedCdr("ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0250", 6_000, "2.5000000000");
        given.noRateCdr("ACC-A", "TA-1");
    }

    JobExecution invoice(boolean finalize) {
        return launcher.launch(InvoicingJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("period", "2026-10").addString("finalize", Boolean.toString(finalize))
                .toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    /** invoice_id -> "status number subtotal/tax_total/total" */
    Map<String, String> storedInvoices() {
        return db.selectFrom(INVOICE).orderBy(INVOICE.INVOICE_ID).fetch().stream().collect(Collectors.toMap(
                r -> r.getInvoiceId(), r -> r.getStatus() + " " + r.getInvoiceNumber() + " "
                        + r.getSubtotal().stripTrailingZeros().toPlainString() + "/"
                        + r.getTaxTotal().stripTrailingZeros().toPlainString() + "/"
                        + r.getTotal().stripTrailingZeros().toPlainString(),
                (a, b) -> a, TreeMap::new));
    }

    List<String> lines(String invoiceId) {
        return db.selectFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.eq(invoiceId)).orderBy(INVOICE_LINE.LINE_NO)
                .fetch(r -> r.getKind() + " " + (r.getAdjustedKind() == null ? "" : r.getAdjustedKind() + " ")
                        + (r.getTaxCode() != null ? r.getTaxCode() : r.getTrunkId() + " " + r.getDestination())
                        + " " + r.getAmount().stripTrailingZeros().toPlainString());
    }

    @Test
    void draftsAreBuiltAndRebuiltByEveryRun() {
        assertThat(invoice(false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storedInvoices()).containsExactly(
                Map.entry("ACC-A-202610", "DRAFT null 152.5/60.74/213.24"),
                Map.entry("ACC-B-202610", "DRAFT null 26.34/6.59/32.93"),
                Map.entry("ACC-C-202610", "ON_HOLD null 150/0/150"));
        assertThat(lines("ACC-A-202610")).containsExactly("CHANNEL_FEE TA-1 null 150", "USAGE TA-1 Germany 2.5",
                "TAX US-USF 37.21", "TAX US-NY-SALES 6.1", "TAX US-NY-MCTD 0.57", "TAX US-NY-NYC-LOCAL 6.86",
                "TAX US-NY-E911 10");
        assertThat(db.select(INVOICE.HOLD_REASON).from(INVOICE).where(INVOICE.INVOICE_ID.eq("ACC-C-202610"))
                .fetchOne(INVOICE.HOLD_REASON)).isEqualTo("trunk TC-1 has no service address (MISSING_PPU): not taxed");

        // a new rating: 1.25 more to Germany (3,000 s at 0.0250); the draft is rebuilt, not duplicated
        given.ratedCdr("ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0250", 3_000, "1.2500000000");
        assertThat(invoice(false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // base 153.75: USF 0.244024 * 153.75 = 37.518690 -> 37.52; sales 6.15; MCTD 0.5765625 -> 0.58;
        // NYC 6.91875 -> 6.92; E911 10.00 -> tax 61.17, total 214.92
        assertThat(storedInvoices()).containsEntry("ACC-A-202610", "DRAFT null 153.75/61.17/214.92");
        assertThat(lines("ACC-A-202610")).hasSize(7).contains("USAGE TA-1 Germany 3.75");
    }

    @Test
    void finalizeNumbersDraftsInOrderWithoutGapsAndLeavesOnHold() {
        JobExecution run = invoice(true);
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storedInvoices()).containsExactly(
                Map.entry("ACC-A-202610", "FINAL INV-202610-000001 152.5/60.74/213.24"),
                Map.entry("ACC-B-202610", "FINAL INV-202610-000002 26.34/6.59/32.93"),
                Map.entry("ACC-C-202610", "ON_HOLD null 150/0/150"));
        assertThat(invoice(true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.select(INVOICE_NUMBER_COUNTER.LAST_NUMBER).from(INVOICE_NUMBER_COUNTER).fetchOne(0, Integer.class))
                .isEqualTo(2);
    }

    @Test
    void aFailedFinalizationRollsBackItsNumber() {
        invoice(false);
        // fault injection: a stray row already holds the number the second finalization will take
        db.insertInto(INVOICE).set(INVOICE.INVOICE_ID, "STRAY").set(INVOICE.INVOICE_NUMBER, "INV-202610-000002")
                .set(INVOICE.ACCOUNT_ID, "ACC-X").set(INVOICE.PERIOD, "2026-09").set(INVOICE.CURRENCY, "USD")
                .set(INVOICE.STATUS, "FINAL").set(INVOICE.SUBTOTAL, BigDecimal.ZERO)
                .set(INVOICE.TAX_TOTAL, BigDecimal.ZERO).set(INVOICE.TOTAL, BigDecimal.ZERO)
                .set(INVOICE.CREATED_AT, Instant.now()).execute();
        assertThat(invoice(true).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(storedInvoices()).containsEntry("ACC-A-202610", "FINAL INV-202610-000001 152.5/60.74/213.24")
                .containsEntry("ACC-B-202610", "DRAFT null 26.34/6.59/32.93");
        assertThat(db.select(INVOICE_NUMBER_COUNTER.LAST_NUMBER).from(INVOICE_NUMBER_COUNTER).fetchOne(0, Integer.class))
                .as("the failed finalization's number was rolled back").isEqualTo(1);

        db.deleteFrom(INVOICE).where(INVOICE.INVOICE_ID.eq("STRAY")).execute();
        assertThat(invoice(true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(storedInvoices()).containsEntry("ACC-B-202610", "FINAL INV-202610-000002 26.34/6.59/32.93");
    }

    @Test
    void aFinalInvoiceIsImmutableAndAReRatingIssuesExactlyOneAdjustmentNote() {
        invoice(true);
        List<String> finalLines = lines("ACC-A-202610");
        Invoice finalInvoice = invoices.invoicesOf(InvoiceFixtures.OCTOBER).get("ACC-A-202610");
        assertThatThrownBy(() -> invoices.replace(Invoice.unnumbered("ACC-A-202610", "ACC-A", "2026-10", "USD", null,
                null, List.of()), Instant.now())).hasMessageContaining("is FINAL: it is never rebuilt");
        assertThat(finalInvoice.lines()).hasSize(7);

        // re-rating: the Germany call now costs 1.00 (0.0100/min) instead of 2.50
        given.reRate(germanyCall, "ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0100", 6_000, "1.0000000000");
        assertThat(invoice(false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // new base 151.00: USF 36.847624 -> 36.85 (-0.36); sales 6.04 (-0.06); MCTD 0.56625 -> 0.57 (unchanged);
        // NYC 6.795 -> 6.80 (-0.06); E911 unchanged. usage 1.00 - 2.50 = -1.50.
        // note: subtotal -1.50, tax_total -0.48, total -1.98 (a credit note)
        assertThat(storedInvoices()).containsExactly(
                Map.entry("ACC-A-202610", "FINAL INV-202610-000001 152.5/60.74/213.24"),
                Map.entry("ACC-A-202610-A1", "DRAFT null -1.5/-0.48/-1.98"),
                Map.entry("ACC-B-202610", "FINAL INV-202610-000002 26.34/6.59/32.93"),
                Map.entry("ACC-C-202610", "ON_HOLD null 150/0/150"));
        assertThat(lines("ACC-A-202610-A1")).containsExactly("ADJUSTMENT USAGE TA-1 Germany -1.5",
                "ADJUSTMENT TAX US-USF -0.36", "ADJUSTMENT TAX US-NY-SALES -0.06", "ADJUSTMENT TAX US-NY-NYC-LOCAL -0.06");
        assertThat(db.select(INVOICE.ADJUSTS_INVOICE_ID).from(INVOICE).where(INVOICE.INVOICE_ID.eq("ACC-A-202610-A1"))
                .fetchOne(INVOICE.ADJUSTS_INVOICE_ID)).isEqualTo("ACC-A-202610");
        assertThat(lines("ACC-A-202610")).isEqualTo(finalLines);

        // a second run issues nothing new
        invoice(false);
        assertThat(storedInvoices()).hasSize(4).containsEntry("ACC-A-202610-A1", "DRAFT null -1.5/-0.48/-1.98");

        // the note is numbered in the same sequence; then nothing more to adjust
        // the note's document names the invoice it adjusts, with that invoice's number and issue date
        String issued = db.select(INVOICE.FINALIZED_AT).from(INVOICE).where(INVOICE.INVOICE_ID.eq("ACC-A-202610"))
                .fetchOne(INVOICE.FINALIZED_AT).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
        assertThat(outputDir.resolve("invoices/2026-10/ACC-A-202610-A1.html")).content()
                .contains("<h1>Credit note</h1>", "<td>INV-202610-000001 of " + issued + " (id ACC-A-202610)</td>");
        invoice(true);
        assertThat(storedInvoices()).containsEntry("ACC-A-202610-A1", "FINAL INV-202610-000003 -1.5/-0.48/-1.98");
        invoice(true);
        assertThat(storedInvoices()).hasSize(4);
        assertThat(lines("ACC-A-202610")).isEqualTo(finalLines);
    }

    @Test
    void aMissingFxRateHoldsTheInvoiceAndFinalizeLeavesIt() {
        db.deleteFrom(FX_RATE).execute();
        assertThat(invoice(true).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Record b = db.select(INVOICE.STATUS, INVOICE.HOLD_REASON, INVOICE.INVOICE_NUMBER).from(INVOICE)
                .where(INVOICE.INVOICE_ID.eq("ACC-B-202610")).fetchOne();
        assertThat(b.get(INVOICE.STATUS)).isEqualTo("ON_HOLD");
        assertThat(b.get(INVOICE.HOLD_REASON)).isEqualTo("no FX rate USD->EUR on or before 2026-10-31");
        assertThat(b.get(INVOICE.INVOICE_NUMBER)).isNull();
        assertThat(storedInvoices()).containsEntry("ACC-A-202610", "FINAL INV-202610-000001 152.5/60.74/213.24");
    }

    @Test
    void aMonthWithoutChannelPlanPricesHoldsTheInvoicesWithOneReasonPerTrunk() {
        db.deleteFrom(CHANNEL_PLAN_RATE).execute();
        // 31 unpriced days used to make 31 reasons (2,201 characters for ACC-C): hold_reason overflowed and the job failed
        assertThat(invoice(false).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Map<String, String> holds = db.select(INVOICE.INVOICE_ID, INVOICE.HOLD_REASON).from(INVOICE)
                .where(INVOICE.STATUS.eq("ON_HOLD")).fetchMap(INVOICE.INVOICE_ID, INVOICE.HOLD_REASON);
        assertThat(holds).containsOnly(
                Map.entry("ACC-A-202610",
                        "trunk TA-1: no channel-plan price for STANDARD METERED on 31 days from 2026-10-01 to 2026-10-31"),
                Map.entry("ACC-B-202610",
                        "trunk TB-1: no channel-plan price for STANDARD METERED on 31 days from 2026-10-01 to 2026-10-31"),
                Map.entry("ACC-C-202610", "trunk TC-1 has no service address (MISSING_PPU): not taxed; "
                        + "trunk TC-1: no channel-plan price for STANDARD METERED on 31 days from 2026-10-01 to 2026-10-31"));
        // ACC-A: no fee, the Germany usage 2.50 and its taxes are still billed
        assertThat(lines("ACC-A-202610")).first().isEqualTo("CHANNEL_FEE TA-1 null 0");
    }

    @Test
    void theJurisdictionIsTheServiceAddressNotTheDataCenter() {
        ServiceAddress ber = berlin("ADDR-E-BER", "ACC-E");
        ServiceAddress ny = newYork("ADDR-F-NY", "ACC-F");
        given.account(account("ACC-E", "USD", "US")).address(ber)
                .trunk(aTrunk("TE-1").of("ACC-E").channels(10).at(ber).inDataCenter(DataCenter.NEW_YORK).build())
                .account(businessAccount("ACC-F", "USD", "DE", "DE123456789")).address(ny)
                .trunk(aTrunk("TF-1").of("ACC-F").channels(10).at(ny).inDataCenter(DataCenter.FRANKFURT).build());
        invoice(false);
        // TE-1 (NEW_YORK data center, Berlin address): DE-VAT 0.19 * 150.00 = 28.50, nothing American
        assertThat(lines("ACC-E-202610")).containsExactly("CHANNEL_FEE TE-1 null 150", "TAX DE-VAT 28.5");
        // TF-1 (FRANKFURT data center, New York address): US and NY taxes on 150.00, no DE-VAT
        // USF 36.6036 -> 36.60; sales 6.00; MCTD 0.5625 -> 0.56; NYC 6.75; E911 10.00
        assertThat(lines("ACC-F-202610")).containsExactly("CHANNEL_FEE TF-1 null 150", "TAX US-USF 36.6",
                "TAX US-NY-SALES 6", "TAX US-NY-MCTD 0.56", "TAX US-NY-NYC-LOCAL 6.75", "TAX US-NY-E911 10");
    }

    @Test
    void writesTheInvoiceFilesTheTaxSummaryAndAReadablePdf() throws Exception {
        invoice(true);
        Path dir = outputDir.resolve("invoices/2026-10");
        assertThat(Files.readAllLines(dir.resolve("invoices.csv"))).containsExactly(
                "invoice_id,invoice_number,account_id,period,currency,status,hold_reason,subtotal,tax_total,total,adjusts_invoice_id",
                "ACC-A-202610,INV-202610-000001,ACC-A,2026-10,USD,FINAL,,152.50,60.74,213.24,",
                "ACC-B-202610,INV-202610-000002,ACC-B,2026-10,EUR,FINAL,,26.34,6.59,32.93,",
                "ACC-C-202610,,ACC-C,2026-10,USD,ON_HOLD,trunk TC-1 has no service address (MISSING_PPU): not taxed,150.00,0.00,150.00,");
        List<String> lines = Files.readAllLines(dir.resolve("invoice-lines.csv"));
        assertThat(lines.get(0)).isEqualTo("invoice_id,line_no,kind,trunk_id,trunk_name,category,destination,quantity,"
                + "unit,unit_price,amount,currency,tax_code,jurisdiction,note");
        assertThat(lines).contains(
                "ACC-A-202610,1,CHANNEL_FEE,TA-1,ta-1-pbx,,,310,channel-day,,150.00,USD,,,METERED 15 USD per channel-month x 310 channel-days / 31 days",
                "ACC-A-202610,2,USAGE,TA-1,ta-1-pbx,TERMINATION,Germany,100.00,min,0.025,2.50,USD,,,",
                "ACC-A-202610,3,TAX,,,,,,,0.244024,37.21,USD,US-USF,US-NY-New York-New York,US-USF tax",
                "ACC-B-202610,2,TAX,,,,,,,0.25,6.59,EUR,HR-VAT,HR-21-Zagreb,HR-VAT tax");
        assertThat(Files.readAllLines(outputDir.resolve("reports/2026-10/tax-summary.csv"))).containsExactly(
                "jurisdiction,tax_code,base,tax,currency,status",
                "HR,HR-VAT,26.34,6.59,EUR,FINAL",
                "US,US-USF,152.50,37.21,USD,FINAL",
                "US-NY,US-NY-E911,152.50,10.00,USD,FINAL",
                "US-NY,US-NY-SALES,152.50,6.10,USD,FINAL",
                "US-NY-New York,US-NY-MCTD,152.50,0.57,USD,FINAL",
                "US-NY-New York-New York,US-NY-NYC-LOCAL,152.50,6.86,USD,FINAL");

        String html = Files.readString(dir.resolve("ACC-A-202610.html"));
        assertThat(html).contains("Acme &lt;Logistics&gt; &amp; Co").doesNotContain("<Logistics>")
                .contains("INV-202610-000001").contains("213.24 USD").contains("US-NY-New York-New York");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("ACC-A-202610.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("INV-202610-000001").contains("213.24 USD").contains("Acme <Logistics> & Co");
        }
        assertThat(dir.resolve("ACC-B-202610.pdf")).exists();
        assertThat(dir.resolve("ACC-C-202610.html")).exists();
    }
}

@OnH2
class InvoicingJobH2FunctionalTests extends InvoicingJobFunctionalTests {
}

@OnPostgres
class InvoicingJobPostgresFunctionalTests extends InvoicingJobFunctionalTests {
}
