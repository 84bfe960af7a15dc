package com.trunkbill.invoice;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.ratetable.RateTableImportJobConfiguration;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account ids in file names (issue 12, finding 4). The inventory import refuses an unsafe id ({@code BAD_ID});
 * ids already stored before that rule still never write outside {@code --output-dir}: the invoice files get an
 * encoded, harmless name.
 */
public abstract class UnsafeIdsFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    JobExecution run(String job, JobParameters parameters) {
        return launcher.launch(job, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    JobExecution completed(String job, JobParameters parameters) {
        JobExecution execution = run(job, parameters);
        assertThat(execution.getStatus()).as(JobSummary.lines(execution) + " " + execution.getAllFailureExceptions())
                .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    @Test
    void theInventoryImportRefusesUnsafeAccountIdsWithTheirReason() throws IOException {
        Path dir = Files.createDirectories(tempDir.resolve("inventory"));
        Files.writeString(dir.resolve("accounts.csv"), "account_id,name,currency,country,price_list,vat_id\n"
                + "ACC-OK_1.2,Fine,USD,US,STANDARD,\n"                           // line 2
                + "../../../escaped,Traversal,USD,US,STANDARD,\n"                // line 3
                + "/tmp/absolute,Absolute,USD,US,STANDARD,\n"                    // line 4
                + "a/b,Slash,USD,US,STANDARD,\n"                                 // line 5
                + "\"=cmd|' /C calc'!A0\",Formula,USD,US,STANDARD,\n"            // line 6
                + "+ACC-PLUS,Plus,USD,US,STANDARD,\n"                            // line 7
                + "-ACC,Minus,USD,US,STANDARD,\n"                                // line 8
                + "@ACC,At,USD,US,STANDARD,\n"                                   // line 9
                + "x".repeat(65) + ",Long,USD,US,STANDARD,\n", StandardCharsets.UTF_8); // line 10
        // (a NUL refuses the whole file: StrictUtf8FunctionalTests)

        completed("inventoryImportJob", new JobParametersBuilder().addString("dir", dir.toString())
                .addString("as-of", "2026-10-01T00:00:00Z").toJobParameters());

        assertThat(db.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT).fetch(ACCOUNT.ACCOUNT_ID)).containsExactly("ACC-OK_1.2");
        List<String> rejects = Files.readAllLines(outputDir.resolve("rejects/accounts.csv.rejects.csv"));
        assertThat(rejects).filteredOn(line -> line.contains("BAD_ID")).hasSize(7);
        assertThat(rejects).anySatisfy(line -> assertThat(line).startsWith("3,BAD_ID,")
                .contains("account_id is not a safe id (letters, digits, '-', '_' and '.', starting with a letter"
                        + " or digit, at most 64 characters); it names the invoice files"));
        assertThat(rejects).anySatisfy(line -> assertThat(line).startsWith("10,FIELD_TOO_LONG,"));
    }

    @Test
    void invoiceFilesOfStoredUnsafeAccountIdsStayInsideTheOutputFolderWithHarmlessNames() throws IOException {
        List<String> ids = List.of("../../../escaped", "/tmp/trunkbill-absolute-" + System.nanoTime(), "a/b",
                "=cmd|' /C calc'!A0", "+ACC-PLUS", "-ACC", "@ACC", "y".repeat(64));
        int n = 0;
        for (String id : ids) {
            anAccount(id).insert(db);
            aTrunk("T" + n++).account(id).dataCenter("NEW_YORK").createdAt("2026-10-01T00:00:00Z").channels(1)
                    .insert(db);
        }
        Path rates = Files.createDirectories(tempDir.resolve("rates"));
        Files.writeString(rates.resolve("channel-plans.csv"), "price_list,plan,price_per_channel_month,currency,"
                + "fair_use_minutes_per_channel,overage_rate_per_minute,effective_from,effective_to\n"
                + "STANDARD,METERED,10,USD,,,2026-01-01,\n", StandardCharsets.UTF_8);
        completed(RateTableImportJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addString("dir", rates.toString()).toJobParameters());
        Path outputParent = outputDir.toAbsolutePath().normalize().getParent();
        List<Path> before = filesUnder(outputParent);

        completed(InvoicingJobConfiguration.JOB_NAME, new JobParametersBuilder().addString("period", "2026-10")
                .addString("finalize", "false").toJobParameters());

        // nothing new outside the output folder, and every document is one harmless name in invoices/2026-10
        assertThat(filesUnder(outputParent)).filteredOn(file -> !file.startsWith(outputDir.toAbsolutePath()
                .normalize())).containsExactlyInAnyOrderElementsOf(before.stream()
                .filter(file -> !file.startsWith(outputDir.toAbsolutePath().normalize())).toList());
        assertThat(Path.of(ids.get(1) + "-202610.html")).doesNotExist();
        Path invoices = outputDir.resolve("invoices/2026-10");
        try (Stream<Path> files = Files.list(invoices)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".html")))
                    .hasSize(ids.size())
                    .contains("%2E.%2F..%2F..%2Fescaped-202610.html", "a%2Fb-202610.html",
                            "%3Dcmd%7C%27%20%2FC%20calc%27%21A0-202610.html", "%2BACC-PLUS-202610.html",
                            "%2DACC-202610.html", "%40ACC-202610.html", "y".repeat(64) + "-202610.html")
                    .allSatisfy(name -> assertThat(name).matches("[A-Za-z0-9_%][A-Za-z0-9._%~-]*\\.html"));
        }
        assertThat(invoices.resolve("%2BACC-PLUS-202610.pdf")).isRegularFile();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(file -> file.toAbsolutePath().normalize()).toList();
        }
    }
}

@OnH2
class UnsafeIdsH2FunctionalTests extends UnsafeIdsFunctionalTests {
}

@OnPostgres
class UnsafeIdsPostgresFunctionalTests extends UnsafeIdsFunctionalTests {
}
