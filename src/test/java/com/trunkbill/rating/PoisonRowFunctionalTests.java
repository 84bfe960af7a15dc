package com.trunkbill.rating;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.report.ReconciliationRepository;
import com.trunkbill.report.ReportCommand;
import com.trunkbill.report.model.ReconciliationRow;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 finding 1: one CDR that cannot be rated must not stop the run. It is set aside as RATING_ERROR with
 * the exception's message, counted under {@code malformed} in the reconciliation (so that read = rated +
 * rejected + duplicates still holds) and listed in reconciliation-detail.csv; every other CDR is rated.
 */
public abstract class PoisonRowFunctionalTests extends DatabaseTest {

    private static final long CENTURY_MS = 36_525L * 86_400_000L; // 100 years of 365.25 days

    @Autowired
    JobLaunchService launcher;

    @Autowired
    RatedCdrRepository ratedCdrs;

    @Autowired
    ReconciliationRepository reconciliation;

    RatingFixtures fixtures;

    @BeforeEach
    void inventoryRatesAndCdrs() {
        fixtures = new RatingFixtures(db);
        fixtures.account("ACC-A", "STANDARD", "USD");
        fixtures.trunk("T1", "ACC-A").insert();
        fixtures.account("ACC-L", "LUXURY", "USD");
        fixtures.trunk("TL", "ACC-L").insert();
        fixtures.rates().outbound("1", "United States", "0.0100", 6, 6, "0")
                .row("LUXURY", Direction.OUTBOUND, "1", "United States", "99999999999999", "USD", 1, 1, "0", null, null)
                .insert();
        db.insertInto(CDR_FILE).set(CDR_FILE.FILE_ID, 1L).set(CDR_FILE.FILE_NAME, "cdrs.csv")
                .set(CDR_FILE.CONTENT_HASH, "hash").set(CDR_FILE.FORMAT, "CANONICAL")
                .set(CDR_FILE.INGESTED_AT, Instant.parse("2026-11-01T00:00:00Z"))
                .set(CDR_FILE.READ_COUNT, 6L).set(CDR_FILE.ACCEPTED, 6L).execute();
        fixtures.insert(
                out("C1", "T1", "2026-10-02T10:00:00Z", 61_000), // 66 s -> 0.0100 * 66 / 60 = 0.0110
                out("C2", "T1", "2026-10-03T10:00:00Z", CENTURY_MS), // a century: rated, LONGER_THAN_24H
                out("C3", "T9", "2026-10-04T10:00:00Z", 61_000), // trunk gone from the inventory: cannot be rated
                out("C4", "T1", "2026-10-05T10:00:00Z", 61_000), // 0.0110
                out("C5", "T1", "2026-10-06T10:00:00Z", 1_000), // 6 s -> 0.0010
                // 3,155,760,000 s at 99,999,999,999,999/min: a cost of 22 digits does not fit rated_cdr.cost
                fixtures.cdr("C6", "TL", "ACC-L", Direction.OUTBOUND, "+13125550123", "2026-10-07T10:00:00Z",
                        CENTURY_MS, 200));
    }

    private CdrRecord out(String id, String trunk, String start, long millis) {
        return fixtures.cdr(id, trunk, "ACC-A", Direction.OUTBOUND, "+13125550123", start, millis, 200);
    }

    JobExecution rate() {
        var parameters = new RateCommand().jobParameters(ParsedOptions.of("rate", Map.of()));
        return launcher.launch(RatingJobConfiguration.JOB_NAME, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    @Test
    void aCdrThatCannotBeRatedIsSetAsideAndTheRunCompletes() {
        JobExecution execution = rate();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ratedCdrs.current("C1").orElseThrow().cost()).isEqualByComparingTo("0.0110");
        assertThat(ratedCdrs.current("C4").orElseThrow().cost()).isEqualByComparingTo("0.0110");
        assertThat(ratedCdrs.current("C5").orElseThrow().cost()).isEqualByComparingTo("0.0010");
        // 3,155,760,000 s at 6/6 -> 0.0100 * 3,155,760,000 / 60 = 525,960.0000: no overflow, billed as SPEC says
        var century = ratedCdrs.current("C2").orElseThrow();
        assertThat(century.billedS()).isEqualTo(3_155_760_000L);
        assertThat(century.cost()).isEqualByComparingTo(new BigDecimal("525960"));
        assertThat(century.anomalyCodes()).isEqualTo("LONGER_THAN_24H");

        assertThat(ratedCdrs.current("C3").orElseThrow().status().name()).isEqualTo("RATING_ERROR");
        assertThat(db.select(RATED_CDR.RATING_ERROR).from(RATED_CDR).where(RATED_CDR.CDR_ID.eq("C3"))
                .fetchOne(RATED_CDR.RATING_ERROR)).isEqualTo("cdr C3: trunk T9 is not in the inventory");

        assertThat(db.select(RATED_CDR.RATING_ERROR).from(RATED_CDR).where(RATED_CDR.CDR_ID.eq("C6"))
                .fetchOne(RATED_CDR.RATING_ERROR)).isEqualTo("cdr C6: cost 5259599999999947404000.0000000000 has more"
                + " than 20 digits before the decimal point");

        ReconciliationRow total = reconciliation.reconcile().total();
        assertThat(total.read()).isEqualTo(6);
        assertThat(total.rated()).isEqualTo(4);
        assertThat(total.malformed()).isEqualTo(2);
        assertThat(total.ratingErrors()).isEqualTo(2);
        assertThat(total.notYetRated()).isZero();
        assertThat(total.identityHolds()).isTrue();
    }

    @Test
    void aRatingErrorIsRetriedByTheNextRunAndStillCompletes() {
        rate();
        JobExecution second = rate();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ratedCdrs.current("C3").orElseThrow().status().name()).isEqualTo("RATING_ERROR");
        assertThat(db.fetchCount(RATED_CDR, RATED_CDR.CDR_ID.eq("C3"))).isEqualTo(1); // unchanged: no new row

        fixtures.trunk("T9", "ACC-A").insert(); // the inventory is fixed
        rate();
        assertThat(ratedCdrs.current("C3").orElseThrow().cost()).isEqualByComparingTo("0.0110");
        assertThat(reconciliation.reconcile().total().malformed()).isEqualTo(1); // C6 still does not fit
    }

    @Test
    void theRatingErrorIsListedInReconciliationDetail() throws IOException {
        rate();
        var parameters = new ReportCommand().jobParameters(ParsedOptions.of("report", Map.of("period", "2026-10")));
        JobExecution report = launcher.launch("reportingJob", parameters,
                new ReportCommand().runPolicy()).execution();

        assertThat(report.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.readAllLines(outputDir.resolve("reports/2026-10/reconciliation-detail.csv"))).contains(
                "cdrs.csv,rating_errors,,2",
                "cdrs.csv,rating_error,C3,cdr C3: trunk T9 is not in the inventory",
                "cdrs.csv,identity,,holds",
                "TOTAL,rating_errors,,2");
    }
}

@OnH2
class PoisonRowH2FunctionalTests extends PoisonRowFunctionalTests {
}

@OnPostgres
class PoisonRowPostgresFunctionalTests extends PoisonRowFunctionalTests {
}
