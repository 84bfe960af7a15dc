package com.trunkbill.support;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.testsupport.CanonicalCdrs;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.testsupport.InventoryFixtures.aTrunk;
import static com.trunkbill.testsupport.InventoryFixtures.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input folder rule of every folder reader (issue 12, finding 3): only regular files whose real path lies
 * under the folder are read. A link out of the folder and a FIFO are skipped with a warning in the summary; a
 * link that stays inside is read. Each job finishes (a FIFO would block it forever if it were opened).
 */
public abstract class InputFolderFunctionalTests extends DatabaseTest {

    static final String HEADER = CanonicalCdrs.HEADER;

    @Autowired
    JobLaunchService launcher;

    @BeforeEach
    void inventory() {
        anAccount("A1").insert(db);
        aTrunk("T1").account("A1").dataCenter("NEW_YORK").createdAt("2026-01-01T00:00:00Z").channels(10).insert(db);
    }

    static String cdr(String id) {
        return id + ",call-" + id + ",T1,A1,NEW_YORK,SBC,OUTBOUND,+12125550100,+442079460123,"
                + "2026-10-05T14:00:00Z,,2026-10-05T14:00:10Z,486,,PCMU\n";
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    JobExecution launch(String job, Path dir) {
        return launcher.launch(job, new JobParametersBuilder().addString("dir", dir.toString())
                .addString("as-of", "2026-10-01T00:00:00Z").toJobParameters(), RunPolicy.NEW_RUN_EACH_TIME)
                .execution();
    }

    @Test
    void theCdrInboxReadsRegularFilesAndLinksInsideItAndSkipsLinksOutOfItAndFifos() throws Exception {
        Path inbox = Files.createDirectories(tempDir.resolve("inbox"));
        Path elsewhere = Files.createDirectories(tempDir.resolve("elsewhere"));
        Files.writeString(inbox.resolve("a.csv"), HEADER + cdr("c-1"), StandardCharsets.UTF_8);
        Files.createDirectories(inbox.resolve("archive"));
        Files.writeString(inbox.resolve("archive/b-2026.csv"), HEADER + cdr("c-2"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(inbox.resolve("b.csv"), Path.of("archive/b-2026.csv"));
        Files.writeString(elsewhere.resolve("secret.csv"), "password\nhunter2\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(inbox.resolve("secret.csv"), elsewhere.resolve("secret.csv"));
        Files.writeString(elsewhere.resolve("valid-100.csv"), HEADER + cdr("c-3"), StandardCharsets.UTF_8);
        Files.createSymbolicLink(inbox.resolve("valid.csv"), Path.of("../elsewhere/valid-100.csv"));
        mkfifo(inbox.resolve("pipe.csv"));

        JobExecution execution = launch("cdrImportJob", inbox);

        assertThat(execution.getStatus()).as(JobSummary.lines(execution).toString()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.select(CDR_FILE.FILE_NAME).from(CDR_FILE).orderBy(CDR_FILE.FILE_NAME).fetch(CDR_FILE.FILE_NAME))
                .containsExactly("a.csv", "b.csv");
        assertThat(db.select(CDR.CDR_ID).from(CDR).orderBy(CDR.CDR_ID).fetch(CDR.CDR_ID)).containsExactly("c-1", "c-2");
        assertThat(JobSummary.lines(execution)).filteredOn(line -> line.startsWith("warning: skipped")).containsExactly(
                "warning: skipped pipe.csv: not a regular file (a FIFO, socket or device)",
                "warning: skipped secret.csv: a symbolic link to a file outside " + inbox
                        + " (not followed; set trunkbill.cdr.follow-symlinks=true, --follow-symlinks, to read it)",
                "warning: skipped valid.csv: a symbolic link to a file outside " + inbox
                        + " (not followed; set trunkbill.cdr.follow-symlinks=true, --follow-symlinks, to read it)");
        // the foreign file's content never reaches the output folder
        assertThat(outputDir.resolve("rejects/secret.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void anInventoryFileThatIsAFifoOrALinkOutOfTheFolderIsSkippedAndTheRestImported() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("inventory"));
        Files.writeString(dir.resolve("accounts.csv"), "account_id,name,currency,country,price_list,vat_id\n"
                + "A2,Account A2,USD,US,STANDARD,\n", StandardCharsets.UTF_8);
        mkfifo(dir.resolve("trunks.csv"));
        Path elsewhere = Files.createDirectories(tempDir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("addresses.csv"), "address_id\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("service-addresses.csv"), elsewhere.resolve("addresses.csv"));

        JobExecution execution = launch("inventoryImportJob", dir);

        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.select(ACCOUNT.ACCOUNT_ID).from(ACCOUNT).orderBy(ACCOUNT.ACCOUNT_ID).fetch(ACCOUNT.ACCOUNT_ID))
                .containsExactly("A1", "A2");
        assertThat(JobSummary.lines(execution)).anySatisfy(line -> assertThat(line)
                .contains("warning: skipped trunks.csv: not a regular file (a FIFO, socket or device)"));
        assertThat(JobSummary.lines(execution)).anySatisfy(line -> assertThat(line)
                .contains("warning: skipped service-addresses.csv: a symbolic link to a file outside " + dir));
    }

    @Test
    void aRateFileThatLinksOutOfTheFolderIsSkippedAndItsTableLeftAsItIs() throws Exception {
        Path dir = Files.createDirectories(tempDir.resolve("rates"));
        Path elsewhere = Files.createDirectories(tempDir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("rates.csv"), "price_list,direction,prefix,destination,rate_per_minute,"
                + "currency,first_increment_s,next_increment_s,connect_fee,effective_from,effective_to\n"
                + "STANDARD,OUTBOUND,44,UK,0.0120,USD,60,60,0,2026-01-01,\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("rates.csv"), elsewhere.resolve("rates.csv"));
        mkfifo(dir.resolve("fx-rates.csv"));

        JobExecution execution = launch("rateTableImportJob", dir);

        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(RATE)).isZero();
        assertThat(JobSummary.lines(execution)).contains(
                "warning: skipped rates.csv: a symbolic link to a file outside " + dir + " (not followed; set"
                        + " trunkbill.cdr.follow-symlinks=true, --follow-symlinks, to read it); table left as it is",
                "warning: skipped fx-rates.csv: not a regular file (a FIFO, socket or device); table left as it is");
    }
}

@OnH2
class InputFolderH2FunctionalTests extends InputFolderFunctionalTests {
}

@OnPostgres
class InputFolderPostgresFunctionalTests extends InputFolderFunctionalTests {
}
