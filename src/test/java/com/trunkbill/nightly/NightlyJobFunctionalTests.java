package com.trunkbill.nightly;

import com.trunkbill.batch.JobLaunchService.Launch;
import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.TrunkbillExitStatus;
import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.support.CdrKey;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo night over the shipped sample (sample-cdrs/, rate-tables/) end to end. Its invoices, tax summary and
 * reconciliation are golden files under src/test/resources/golden/2026-10: a change to them must be a deliberate,
 * reviewed diff (regenerate with ./trunkbill demo and copy the files from out/).
 */
public abstract class NightlyJobFunctionalTests extends DatabaseTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/2026-10");
    private static final List<String> GOLDEN_FILES = List.of(
            "invoices/2026-10/invoices.csv",
            "invoices/2026-10/invoice-lines.csv",
            "reports/2026-10/tax-summary.csv",
            "reports/2026-10/reconciliation.csv",
            "reports/2026-10/channel-usage.csv",
            "reports/2026-10/fair-use.csv");

    @Autowired
    JobLaunchService launcher;

    private JobParameters demoNight(Path cdrDir) {
        return NightlyCommand.night(DemoCommand.DEMO_NIGHT, Path.of("sample-cdrs/inventory").toAbsolutePath(),
                Path.of("rate-tables").toAbsolutePath(), cdrDir.toAbsolutePath());
    }

    @Test
    void theDemoNightProducesTheGoldenInvoicesAndReports() throws IOException {
        Launch night = launcher.launch("nightlyJob", demoNight(Path.of("sample-cdrs")), RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(night.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.execution().getExitStatus().getExitCode()).isEqualTo("COMPLETED");
        for (String file : GOLDEN_FILES) {
            assertThat(Files.readString(outputDir.resolve(file)))
                    .as(file).isEqualTo(Files.readString(GOLDEN.resolve(Path.of(file).getFileName())));
        }
        assertThat(outputDir.resolve("reports/2026-10/index.html")).exists();
        assertThat(outputDir.resolve("invoices/2026-10/ACC-US-ACME-202610.pdf")).exists();
        // 20,040 rows read = 19,959 accepted + 6 duplicates + 75 rejected at import; every accepted one is rated
        assertThat(db.fetchCount(CDR)).isEqualTo(19_959);
        assertThat(db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue())).isEqualTo(19_959);
        // the previous month has no invoice, so its stages are skipped
        assertThat(db.fetchCount(INVOICE, INVOICE.PERIOD.eq("2026-09"))).isZero();
        // each stage shows its child job's counts, not "read 0 written 0" (canonical files: 19,920 of 20,000 accepted)
        StepExecution importCdrs = stage(night, "nightlyImportCdrsStep");
        assertThat(importCdrs.getReadCount()).isEqualTo(20_000);
        assertThat(importCdrs.getWriteCount()).isEqualTo(19_920);
        // import-cdrs rated every CDR as it stored it: the rate stage only tries the pending NO_RATE ones again
        assertThat(stage(night, "nightlyRateStep").getWriteCount())
                .isEqualTo(db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue().and(RATED_CDR.STATUS.eq("NO_RATE"))))
                .isPositive();
    }

    /**
     * {@code nightly --partitions 2}: the night's CDR imports run in two partitions of whole files, and the night
     * bills what the unpartitioned one bills (the golden files; reconciliation.csv names the files, so not it).
     */
    @Test
    void aNightImportingInTwoPartitionsBillsWhatTheUnpartitionedNightBills() throws IOException {
        Path inbox = tempDir.resolve("split-inbox");
        Files.createDirectories(inbox);
        List<String> lines = Files.readAllLines(Path.of("sample-cdrs/cdrs-2026-10-01.csv"));
        Files.write(inbox.resolve("cdrs-2026-10-01a.csv"), lines.subList(0, 10_001));
        List<String> secondHalf = new ArrayList<>(List.of(lines.get(0)));
        secondHalf.addAll(lines.subList(10_001, lines.size()));
        Files.write(inbox.resolve("cdrs-2026-10-01b.csv"), secondHalf);
        FileSystemUtils.copyRecursively(Path.of("sample-cdrs/asterisk"), inbox.resolve("asterisk"));
        FileSystemUtils.copyRecursively(Path.of("sample-cdrs/freeswitch"), inbox.resolve("freeswitch"));
        JobParameters night = NightlyCommand.night(DemoCommand.DEMO_NIGHT,
                Path.of("sample-cdrs/inventory").toAbsolutePath(), Path.of("rate-tables").toAbsolutePath(),
                inbox.toAbsolutePath(), Optional.of(2L));

        Launch launch = launcher.launch("nightlyJob", night, RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(launch.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (String file : GOLDEN_FILES) {
            if (!file.endsWith("reconciliation.csv")) {
                assertThat(Files.readString(outputDir.resolve(file)))
                        .as(file).isEqualTo(Files.readString(GOLDEN.resolve(Path.of(file).getFileName())));
            }
        }
        assertThat(db.fetchCount(CDR)).isEqualTo(19_959);
        // the canonical halves share no cdr_id, so each partition of the canonical import ingested one of them
        List<Integer> canonicalPartitionsRead = db.fetch("select s.read_count from batch_step_execution s"
                        + " join batch_job_execution_params p on p.job_execution_id = s.job_execution_id"
                        + " where s.step_name like 'ingestCdrPartitionsStep:%' and p.parameter_name = 'format'"
                        + " and p.parameter_value = 'canonical' order by s.step_name")
                .getValues(0, Integer.class);
        assertThat(canonicalPartitionsRead).containsExactly(10_000, 10_000);
        FileSystemUtils.deleteRecursively(inbox);
    }

    private static StepExecution stage(Launch launch, String name) {
        return launch.execution().getStepExecutions().stream().filter(step -> step.getStepName().equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aCompletedNightIsNotRunAgain() {
        Launch first = launcher.launch("nightlyJob", demoNight(Path.of("sample-cdrs")), RunPolicy.ONCE_PER_PARAMETERS);
        Launch second = launcher.launch("nightlyJob", demoNight(Path.of("sample-cdrs")), RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(second.alreadyCompleted()).isTrue();
        assertThat(second.execution().getId()).isEqualTo(first.execution().getId());
        assertThat(db.fetchCount(CDR)).isEqualTo(19_959);
    }

    @Test
    void aFailedNightRestartsFromTheFailedStage() throws IOException {
        Path inbox = tempDir.resolve("inbox");
        Files.createDirectories(inbox);
        Files.copy(Path.of("sample-cdrs/cdrs-2026-10-01.csv"), inbox.resolve("cdrs-2026-10-01.csv"));
        Path broken = Files.writeString(inbox.resolve("cdrs-2026-10-02.csv"), "cdr_id,trunk_id\nX-1,TRK-1001\n");

        Launch failed = launcher.launch("nightlyJob", demoNight(inbox), RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(failed.execution().getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(stepStatuses(failed)).containsEntry("nightlyImportInventoryStep", BatchStatus.COMPLETED)
                .containsEntry("nightlyImportRatesStep", BatchStatus.COMPLETED)
                .containsEntry("nightlyImportCdrsStep", BatchStatus.FAILED)
                .doesNotContainKey("nightlyRateStep");
        assertThat(db.fetchCount(CDR)).isZero();

        Files.delete(broken);
        Launch restarted = launcher.launch("nightlyJob", demoNight(inbox), RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(restarted.restarted()).isTrue();
        assertThat(restarted.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // the restart runs only the failed stage and the ones after it
        assertThat(stepStatuses(restarted)).doesNotContainKeys("nightlyImportInventoryStep", "nightlyImportRatesStep")
                .containsEntry("nightlyImportCdrsStep", BatchStatus.COMPLETED)
                .containsEntry("nightlyReportStep", BatchStatus.COMPLETED);
        // the canonical sample without the switch files: 20,000 read = 19,920 accepted + 6 duplicates + 74 rejected
        assertThat(db.fetchCount(CDR)).isEqualTo(19_920);
        assertThat(db.fetchCount(INVOICE, INVOICE.PERIOD.eq("2026-10"))).isEqualTo(8);
        FileSystemUtils.deleteRecursively(inbox);
    }

    /** Issue 12: a night whose invoices lack usage (a CDR that cannot be rated) completes with an exit status. */
    @Test
    void aNightWithACdrThatCannotBeRatedCompletesWithUnratedCdrs() {
        Instant start = Instant.parse("2026-10-20T10:00:00Z");
        db.executeInsert(new CdrRecord("POISON", 0L, 1L, "call", "TRK-GONE", "TRK-GONE", false, "ACC-GONE",
                "NEW_YORK", "SBC", "OUTBOUND", "+15550000000", "+15550000001", start, start, start.plusSeconds(60),
                200, null, "PCMU", "2026-10", "hash", CdrKey.of(0, 1), CdrIdFingerprint.of("POISON")));

        Launch night = launcher.launch("nightlyJob", demoNight(Path.of("sample-cdrs")), RunPolicy.ONCE_PER_PARAMETERS);

        assertThat(night.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(night.execution().getExitStatus().getExitCode())
                .isEqualTo(TrunkbillExitStatus.COMPLETED_WITH_UNRATED_CDRS);
        assertThat(db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue().and(RATED_CDR.STATUS.eq("RATING_ERROR"))))
                .isEqualTo(1);
        assertThat(db.fetchCount(INVOICE, INVOICE.PERIOD.eq("2026-10"))).isEqualTo(8);
    }

    private static Map<String, BatchStatus> stepStatuses(Launch launch) {
        return launch.execution().getStepExecutions().stream()
                .collect(Collectors.toMap(StepExecution::getStepName, StepExecution::getStatus));
    }
}

@OnH2
class NightlyJobH2FunctionalTests extends NightlyJobFunctionalTests {
}

@OnPostgres
class NightlyJobPostgresFunctionalTests extends NightlyJobFunctionalTests {
}
