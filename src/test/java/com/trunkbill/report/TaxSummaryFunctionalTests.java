package com.trunkbill.report;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.InvoiceFixtures;
import com.trunkbill.invoice.InvoicingJobConfiguration;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.account;
import static com.trunkbill.invoice.InvoiceFixtures.businessAccount;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static com.trunkbill.invoice.InvoiceFixtures.standardPlans;
import static com.trunkbill.invoice.InvoiceFixtures.zagreb;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One tax summary for {@code tax-summary.csv} and the tax table of {@code index.html}, over a period that was
 * invoiced, finalized, then re-rated (an adjustment note). October 2026, 31 days:
 * <ul>
 *   <li>ACC-A (US, USD), TA-1 10 channels in New York: fee 150.00 + a Germany call 2.50 = 152.50; taxes USF
 *       37.21, NY sales 6.10, MCTD 0.57, NYC local 6.86, E911 10.00 (FINAL INV-202610-000001).</li>
 *   <li>ACC-B (HR business, EUR), TB-1 in Zagreb: 26.34 EUR, HR-VAT 6.59 (FINAL).</li>
 *   <li>ACC-C (US), TC-1 without service address: ON_HOLD, no tax line.</li>
 *   <li>Re-rating: the Germany call costs 1.00 instead of 2.50, base 151.00: USF 36.85 (-0.36), sales 6.04 (-0.06),
 *       MCTD 0.56625 -> 0.57 (unchanged: no line), NYC local 6.795 -> 6.80 (-0.06); the credit note ACC-A-202610-A1
 *       carries these three tax adjustments, each on a base of -1.50.</li>
 * </ul>
 */
public abstract class TaxSummaryFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    InvoiceFixtures.Db given;
    String germanyCall;

    @BeforeEach
    void october() {
        given = new InvoiceFixtures.Db(db);
        ServiceAddress ny = newYork("ADDR-A-NY", "ACC-A");
        ServiceAddress zg = zagreb("ADDR-B-ZG", "ACC-B");
        given.plans(standardPlans()).taxes(sampleTaxRows())
                .fxRates(fx("2026-10-31", "USD", "EUR", "0.878076"))
                .account(new Account("ACC-A", "Acme", "USD", "US", "STANDARD", null))
                .account(businessAccount("ACC-B", "EUR", "HR", "HR12345678901"))
                .account(account("ACC-C", "USD", "US"))
                .address(ny).address(zg)
                .trunk(aTrunk("TA-1").of("ACC-A").channels(10).at(ny).build())
                .trunk(aTrunk("TB-1").of("ACC-B").channels(2).at(zg).build())
                .trunk(aTrunk("TC-1").of("ACC-C").channels(10).missingPpu().build());
        germanyCall = given.ratedCdr("ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0250", 6_000,
                "2.5000000000");
    }

    private void run(String job, boolean finalize) {
        JobParametersBuilder parameters = new JobParametersBuilder().addString("period", "2026-10");
        if (job.equals(InvoicingJobConfiguration.JOB_NAME)) {
            parameters.addString("finalize", Boolean.toString(finalize));
        }
        JobExecution execution = launcher.launch(job, parameters.toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME)
                .execution();
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
    }

    private List<String> taxSummaryCsv() throws IOException {
        return Files.readAllLines(outputDir.resolve("reports/2026-10/tax-summary.csv"));
    }

    /** Each CSV row appears on the page as the same cells (the page groups them by status), and no other row. */
    private void assertThePageShowsTheSameRows(List<String> csv) throws IOException {
        String html = Files.readString(outputDir.resolve("reports/2026-10/index.html"));
        String taxes = html.substring(html.indexOf("<section id=\"taxes\">"), html.indexOf("<section id=\"destinations\">"));
        String[] cells = new String[csv.size() - 1];
        for (int i = 1; i < csv.size(); i++) {
            String[] c = csv.get(i).split(",");
            cells[i - 1] = "<td>" + c[0] + "</td><td>" + c[1] + "</td><td class=\"num\">" + c[2]
                    + "</td><td class=\"num\">" + c[3] + "</td><td>" + c[4] + "</td><td><span class=\"badge "
                    + c[5] + "\">" + c[5] + "</span></td>";
        }
        assertThat(taxes).contains(cells);
        assertThat(taxes.split("<tr><td>", -1)).hasSize(csv.size());
    }

    @Test
    void theCsvAndThePageShowOneTaxSummaryWithTheCreditNoteAndEachStatusApart() throws IOException {
        run(InvoicingJobConfiguration.JOB_NAME, true);
        given.reRate(germanyCall, "ACC-A", "TA-1", "TERMINATION", "Germany", "USD", "0.0100", 6_000, "1.0000000000");
        run(InvoicingJobConfiguration.JOB_NAME, false);

        // per levying jurisdiction: USF is federal (US), sales tax and E911 are New York State's (US-NY), MCTD the
        // county's, the local tax the city's; HR-VAT Croatia's
        List<String> expected = List.of("jurisdiction,tax_code,base,tax,currency,status",
                "HR,HR-VAT,26.34,6.59,EUR,FINAL",
                "US,US-USF,152.50,37.21,USD,FINAL",
                // the draft credit note: 36.85 - 37.21 on a base of 151.00 - 152.50
                "US,US-USF,-1.50,-0.36,USD,DRAFT",
                "US-NY,US-NY-E911,152.50,10.00,USD,FINAL",
                "US-NY,US-NY-SALES,152.50,6.10,USD,FINAL",
                "US-NY,US-NY-SALES,-1.50,-0.06,USD,DRAFT",
                "US-NY-New York,US-NY-MCTD,152.50,0.57,USD,FINAL",
                "US-NY-New York-New York,US-NY-NYC-LOCAL,152.50,6.86,USD,FINAL",
                "US-NY-New York-New York,US-NY-NYC-LOCAL,-1.50,-0.06,USD,DRAFT");
        // the invoice run writes the summary, and the report run writes it again from the same query
        assertThat(taxSummaryCsv()).isEqualTo(expected);
        run("reportingJob", false);
        assertThat(taxSummaryCsv()).isEqualTo(expected);
        assertThePageShowsTheSameRows(expected);

        // finalizing the note: the period's final tax is the re-rated one (USF 37.21 - 0.36 = 36.85 on 151.00)
        run(InvoicingJobConfiguration.JOB_NAME, true);
        run("reportingJob", false);
        List<String> finalized = List.of("jurisdiction,tax_code,base,tax,currency,status",
                "HR,HR-VAT,26.34,6.59,EUR,FINAL",
                "US,US-USF,151.00,36.85,USD,FINAL",
                "US-NY,US-NY-E911,152.50,10.00,USD,FINAL",
                "US-NY,US-NY-SALES,151.00,6.04,USD,FINAL",
                "US-NY-New York,US-NY-MCTD,152.50,0.57,USD,FINAL",
                "US-NY-New York-New York,US-NY-NYC-LOCAL,151.00,6.80,USD,FINAL");
        assertThat(taxSummaryCsv()).isEqualTo(finalized);
        assertThePageShowsTheSameRows(finalized);
    }
}

@OnH2
class TaxSummaryH2FunctionalTests extends TaxSummaryFunctionalTests {
}

@OnPostgres
class TaxSummaryPostgresFunctionalTests extends TaxSummaryFunctionalTests {
}
