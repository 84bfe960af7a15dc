package com.trunkbill.report;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
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
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reportingJob} over {@link ReportScenario}: exact report contents on H2 and PostgreSQL. */
public abstract class ReportingJobFunctionalTests extends DatabaseTest {

    @Autowired
    JobLaunchService launcher;

    ReportFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ReportFixtures(db);
    }

    JobExecution report(String period) {
        JobExecution execution = launcher.launch("reportingJob",
                new JobParametersBuilder().addString("period", period).toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
        assertThat(execution.getStatus()).as("%s", execution.getAllFailureExceptions()).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    List<String> lines(String file) throws IOException {
        return Files.readAllLines(outputDir.resolve("reports/2026-10").resolve(file));
    }

    @Test
    void channelUsageHasARowPerTrunkOrGroupAndExistingDayWithExactFigures() throws IOException {
        ReportScenario.october(fixtures);

        report("2026-10");

        List<String> usage = lines("channel-usage.csv");
        assertThat(usage.get(0)).isEqualTo("date,trunk_id,channels,peak_concurrent,peak_at,occupied_seconds,"
                + "utilization,calls,answered,channel_limit_refusals,over_capacity");
        // TRK-A 31 days + TRK-F1 18 (deleted on the 18th) + TRK-F2 31 + TRK-U 12 (created on the 20th) + group 31
        assertThat(usage).hasSize(1 + 31 + 18 + 31 + 12 + 31);
        assertThat(usage.subList(1, 5)).containsExactly(
                "2026-10-01,FRESHWORKS:ACC-1:NEW_YORK,15,0,,0,0.0000,0,0,0,false",
                // a1 23:30-24:00 1800 s + a2 600 s + a3 300 s = 2700 s; 2700 / (2 * 86400) = 0.015625 -> 0.0156;
                // peak 2 at 23:40 (a3 starts when a2 ends: no overlap); the refusal a4 counts as a call only
                "2026-10-01,TRK-A,2,2,2026-10-01T23:40:00Z,2700,0.0156,4,3,1,false",
                "2026-10-01,TRK-F1,10,0,,0,0.0000,0,0,0,false",
                "2026-10-01,TRK-F2,5,0,,0,0.0000,0,0,0,false");
        assertThat(usage).contains(
                // a1 carries over midnight: 00:00-00:45 = 2700 s, peak 1 reached at midnight; a5 is zero-length
                "2026-10-02,TRK-A,2,1,2026-10-02T00:00:00Z,2700,0.0156,1,0,0,false",
                // a6 is NO_RATE: rejected (SPEC §7), so Oct 3 is an idle day
                "2026-10-03,TRK-A,2,0,,0,0.0000,0,0,0,false",
                // Freshworks outbound f1 + f2 in the group: 600 + 900 = 1500 s / (15 * 86400) = 0.001157 -> 0.0012
                "2026-10-05,FRESHWORKS:ACC-1:NEW_YORK,15,2,2026-10-05T10:05:00Z,1500,0.0012,2,2,0,false",
                // inbound f3 on its own trunk: 60 s / (10 * 86400) = 0.0000694 -> 0.0001
                "2026-10-05,TRK-F1,10,1,2026-10-05T10:06:00Z,60,0.0001,1,1,0,false",
                // 3 calls on 2 channels: 600 + 600 + 60 = 1260 s / 172800 = 0.00729 -> 0.0073
                "2026-10-06,TRK-A,2,3,2026-10-06T09:02:00Z,1260,0.0073,3,3,0,true",
                // TRK-F1 still exists on the 18th (deleted 12:00): 10 + 5; from the 19th only TRK-F2's 5
                "2026-10-18,FRESHWORKS:ACC-1:NEW_YORK,15,0,,0,0.0000,0,0,0,false",
                "2026-10-19,FRESHWORKS:ACC-1:NEW_YORK,5,0,,0,0.0000,0,0,0,false",
                "2026-10-20,TRK-U,3,0,,0,0.0000,0,0,0,false",
                // 900 + 3 s / (3 * 86400) = 0.003484 -> 0.0035
                "2026-10-21,TRK-U,3,1,2026-10-21T08:00:00Z,903,0.0035,2,2,0,false");
        assertThat(usage).noneMatch(line -> line.startsWith("2026-10-19,TRK-F1,"))
                .noneMatch(line -> line.startsWith("2026-10-19,TRK-U,"));
    }

    @Test
    void aCallFromThePreviousMonthOccupiesTheFirstDay() throws IOException {
        fixtures.account("ACC-1", "Acme");
        fixtures.trunk("TRK-A").insert();
        long file = fixtures.file("sep.csv", "2026-10-01T01:00:00Z", 2, 2, 0, 0, 0, 0, 0, 0);
        // Sep 30 23:50 -> Oct 1 00:10: 600 s on Oct 1, in progress at midnight, a call of September
        fixtures.cdr("s1").file(file).trunk("TRK-A").answered("2026-09-30T23:50:00Z", "2026-10-01T00:10:00Z").insert();
        // ends before October: nothing on Oct 1
        fixtures.cdr("s2").file(file).trunk("TRK-A").answered("2026-09-30T22:00:00Z", "2026-09-30T23:00:00Z").insert();

        report("2026-10");

        assertThat(lines("channel-usage.csv")).contains(
                "2026-10-01,TRK-A,2,1,2026-10-01T00:00:00Z,600,0.0035,0,0,0,false");
    }

    @Test
    void channelSizingAdvisesFromTheDailyPeaks() throws IOException {
        ReportScenario.october(fixtures);

        report("2026-10");

        assertThat(lines("channel-sizing.csv")).containsExactly(
                "trunk_id,days,channels,p95_daily_peak,max_daily_peak,over_capacity_days,channel_limit_refusals,"
                        + "recommended_channels,advice,refusals_at_limit,reason",
                // one busy day of 31: p95 (rank 30) = 0 -> minimum 1 <= 5 / 2
                "FRESHWORKS:ACC-1:NEW_YORK,31,5,0,2,0,0,1,OVER_PROVISIONED,0,"
                        + "peak 2 (p95 0) on 5 channels: p95 x 1.2 -> 1; recommend 1 <= half of 5 channels",
                // peaks 28 x 0, 1, 2, 3: p95 (rank 30) = 2 -> ceil(2.4) = 3; the refusal a4 came on Oct 1, whose
                // peak 2 reached the 2 channels, and Oct 6 went over capacity -> max peak 3 + 1 = 4
                "TRK-A,31,2,2,3,1,1,4,UNDER_PROVISIONED,1,\"peak 3 (p95 2) on 2 channels: p95 x 1.2 -> 3; demand above "
                        + "the limit (1 days over capacity, 1 refusals while at the limit) -> at least peak + 1 = 4; "
                        + "recommend 4 > 2 channels\"",
                // 18 days, 17 x 0 and 1: p95 (rank 18) = 1 -> ceil(1.2) = 2 <= 10 / 2
                "TRK-F1,18,10,1,1,0,0,2,OVER_PROVISIONED,0,"
                        + "peak 1 (p95 1) on 10 channels: p95 x 1.2 -> 2; recommend 2 <= half of 10 channels",
                "TRK-F2,31,5,0,0,0,0,1,OVER_PROVISIONED,0,"
                        + "peak 0 (p95 0) on 5 channels: p95 x 1.2 -> 1; recommend 1 <= half of 5 channels",
                // 12 days, 10 x 0 and 1, 1: p95 (rank 12) = 1 -> 2; 2 * 2 > 3
                "TRK-U,12,3,1,1,0,0,2,OK,0,peak 1 (p95 1) on 3 channels: p95 x 1.2 -> 2; recommend 2 within 3 channels");
    }

    @Test
    void reconciliationAccountsForEveryRowOfEveryFile() throws IOException {
        ReportScenario.october(fixtures);

        JobExecution execution = report("2026-10");

        assertThat(lines("reconciliation.csv")).containsExactly(
                "file,read,rated,rejected,duplicates,anomalies,no_rate,unknown_trunk,account_mismatch,no_trunk,"
                        + "duplicate_conflict,malformed",
                // 10 = 5 rated + (1 NO_RATE + 1 unknown trunk + 2 malformed) + 1 duplicate; a2 has 2 anomalies, counts once
                "cdrs-a.csv,10,5,4,1,2,1,1,0,0,0,2",
                // base name of /inbox/cdrs-b.csv: 12 = 9 + (1 + 1 + 1) + 0
                "cdrs-b.csv,12,9,3,0,0,0,0,1,1,1,0",
                "TOTAL,22,14,7,1,2,1,1,1,1,1,2");
        assertThat(lines("reconciliation-detail.csv")).containsExactly(
                "file,measure,key,value",
                "cdrs-a.csv,accepted,,6",
                "cdrs-a.csv,not_yet_rated,,0",
                "cdrs-a.csv,identity,,holds",
                "cdrs-a.csv,anomalies,LONGER_THAN_24H,1",
                "cdrs-a.csv,anomalies,TRUNK_INACTIVE,2",
                // 0.45 + 0.10 + 0.05 + 0 + 0 (a6's older RATED 0.90 is not current)
                "cdrs-a.csv,money_rated,USD,0.60",
                "cdrs-b.csv,accepted,,9",
                "cdrs-b.csv,not_yet_rated,,0",
                "cdrs-b.csv,identity,,holds",
                // 3 x 0.01 + 3 x 0.02 + 0.06
                "cdrs-b.csv,money_rated,USD,0.15",
                "TOTAL,accepted,,15",
                "TOTAL,not_yet_rated,,0",
                "TOTAL,identity,,holds",
                "TOTAL,anomalies,LONGER_THAN_24H,1",
                "TOTAL,anomalies,TRUNK_INACTIVE,2",
                "TOTAL,money_rated,USD,0.75");
        assertThat(JobSummary.lines(execution))
                .contains("reconciliation: read = rated + rejected + duplicates holds for every file");
        // "rated in period", not plain "rated": the rating run's own summary counts what that run rated
        assertThat(JobSummary.lines(execution)).filteredOn(line -> line.startsWith("reconciliation: 2 files"))
                .singleElement().asString().contains("  rated in period 14  ").doesNotContain("  rated 14");
    }

    @Test
    void cdrsAcceptedButNotYetRatedAreReportedAsBreakingTheIdentity() throws IOException {
        fixtures.account("ACC-1", "Acme");
        fixtures.trunk("TRK-A").insert();
        long file = fixtures.file("late.csv", "2026-10-10T01:00:00Z", 2, 2, 0, 0, 0, 0, 0, 0);
        fixtures.cdr("x1").file(file).trunk("TRK-A").answered("2026-10-07T10:00:00Z", "2026-10-07T10:01:00Z").insert();
        fixtures.cdr("x2").file(file).trunk("TRK-A").answered("2026-10-07T10:00:30Z", "2026-10-07T10:02:00Z").insert();
        fixtures.rated("x1", fixtures.ratingRun(), true, "RATED", "TERMINATION", "United States", 60, 60,
                "0.0100000000", null);

        JobExecution execution = report("2026-10");

        assertThat(lines("reconciliation.csv")).contains("late.csv,2,1,0,0,0,0,0,0,0,0,0");
        assertThat(lines("reconciliation-detail.csv")).contains("late.csv,not_yet_rated,,1", "late.csv,identity,,broken");
        assertThat(JobSummary.lines(execution)).contains("1 CDRs accepted but not yet rated: run `rate`",
                "reconciliation: read = rated + rejected + duplicates does NOT hold for 1 files: late.csv");
        // not yet rated is still accepted: both calls occupy TRK-A (peak 2 at 10:00:30, 60 + 90 s)
        assertThat(lines("channel-usage.csv")).contains("2026-10-07,TRK-A,2,2,2026-10-07T10:00:30Z,150,0.0009,2,2,0,false");
    }

    @Test
    void filesWithTheSameBaseNameKeepTheirOwnLines() throws IOException {
        fixtures.account("ACC-1", "Acme");
        fixtures.trunk("TRK-A").insert();
        long frankfurt = fixtures.file("/sbc/frankfurt/cdrs.csv", "2026-10-10T01:00:00Z", 1, 1, 0, 0, 0, 0, 0, 0);
        long newYork = fixtures.file("/sbc/new-york/cdrs.csv", "2026-10-11T01:00:00Z", 2, 1, 1, 0, 0, 0, 0, 0);
        fixtures.cdr("x1").file(frankfurt).trunk("TRK-A").answered("2026-10-07T10:00:00Z", "2026-10-07T10:01:00Z")
                .insert();
        fixtures.cdr("x2").file(newYork).trunk("TRK-A").answered("2026-10-08T10:00:00Z", "2026-10-08T10:01:00Z")
                .insert();
        long run = fixtures.ratingRun();
        fixtures.rated("x1", run, true, "RATED", "TERMINATION", "United States", 60, 60, "0.0100000000",
                "TRUNK_INACTIVE");
        fixtures.rated("x2", run, true, "RATED", "TERMINATION", "United States", 60, 60, "0.0200000000", null);

        report("2026-10");

        assertThat(lines("reconciliation.csv")).containsExactly(
                "file,read,rated,rejected,duplicates,anomalies,no_rate,unknown_trunk,account_mismatch,no_trunk,"
                        + "duplicate_conflict,malformed",
                "cdrs.csv,1,1,0,0,1,0,0,0,0,0,0",
                "cdrs.csv,2,1,0,1,0,0,0,0,0,0,0",
                "TOTAL,3,2,0,1,1,0,0,0,0,0,0");
        assertThat(lines("reconciliation-detail.csv")).containsSubsequence(
                "cdrs.csv,anomalies,TRUNK_INACTIVE,1", "cdrs.csv,money_rated,USD,0.01",
                "cdrs.csv,money_rated,USD,0.02", "TOTAL,money_rated,USD,0.03");
    }

    @Test
    void fairUseShowsAllowanceUseOverageAndPolicySignals() throws IOException {
        ReportScenario.october(fixtures);

        report("2026-10");

        assertThat(lines("fair-use.csv")).containsExactly(
                "trunk_id,trunk_name,account_id,allowance,used,overage,overage_rate,currency,"
                        + "overage_amount,answered_calls,short_call_share,longest_call_seconds,calls_over_long,"
                        + "outbound_share,flags",
                // allowance 10 min * 3 channels * 12 days / 31 = 11.612903...; used (900 + 6) / 60 = 15.1;
                // overage 3.487096... * 0.01 = 0.0348... -> 0.03; u2 (3 s) is 1 short call of 3 = 0.3333 > 0.30;
                // outbound 903 s of 1503 s = 0.6008
                "TRK-U,Unlimited NY,ACC-1,11.6129,15.1000,3.4871,0.01,USD,0.03,3,0.3333,900,0,0.6008,"
                        + "OVER_ALLOWANCE;SHORT_CALLS");
    }

    @Test
    void indexPageIsSelfContainedEscapedAndLinksTheInvoices() throws IOException {
        ReportScenario.october(fixtures);

        JobExecution execution = report("2026-10");

        Path index = outputDir.resolve("reports/2026-10/index.html");
        String html = Files.readString(index);
        assertThat(html).contains("Acme &lt;Logistics&gt; &amp; Co").doesNotContain("Acme <Logistics>")
                .contains("108.88", "href=\"../../invoices/2026-10/INV-ACC-1-2026-10.html\"",
                        "href=\"../../invoices/2026-10/INV-ACC-1-2026-10.pdf\"", "US-NY-NYC-LOCAL",
                        "United States - New York", "<svg", "FRESHWORKS:ACC-1:NEW_YORK", "TRUNK_INACTIVE",
                        "OVER_ALLOWANCE", "UNDER_PROVISIONED")
                .doesNotContain("<script", "<link", "src=", "@import", "url(");
        assertThat(JobSummary.lines(execution)).contains("report 2026-10: " + index.toAbsolutePath().normalize());
    }

    @Test
    void everyRunWritesTheCompleteFilesAgain() throws IOException {
        ReportScenario.october(fixtures);
        report("2026-10");
        List<String> first = lines("channel-usage.csv");
        Files.delete(outputDir.resolve("reports/2026-10/reconciliation.csv"));

        report("2026-10");

        assertThat(lines("channel-usage.csv")).isEqualTo(first);
        assertThat(lines("reconciliation.csv")).hasSize(4);
        // the tax summary is part of the period's files too (SPEC §7), rewritten from the stored invoices
        // (the scenario's stored invoice: NYC local 4.88 and NY sales 4.00 on a 100.00 base)
        assertThat(lines("tax-summary.csv")).containsExactly("jurisdiction,tax_code,base,tax,currency,status",
                "US-NY-New York-New York,US-NY-NYC-LOCAL,100.00,4.88,USD,DRAFT",
                "US-NY-New York-New York,US-NY-SALES,100.00,4.00,USD,DRAFT");
    }
}

@OnH2
class ReportingJobH2FunctionalTests extends ReportingJobFunctionalTests {
}

@OnPostgres
class ReportingJobPostgresFunctionalTests extends ReportingJobFunctionalTests {
}
