package com.trunkbill.rating;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.ParsedOptions;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.CdrRecord;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.rating.model.Anomaly;
import com.trunkbill.rating.model.Category;
import com.trunkbill.rating.model.RatedCdr;
import com.trunkbill.rating.model.RatingOutcome;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.jooq.Record;
import org.jooq.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.RATING_RUN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

/**
 * ratingJob end to end on a database: a month of CDRs rated with exact counts and costs, NO_RATE retried
 * once a rate exists, re-rating (twice: the second changes nothing), scopes, and a run that fails mid-step
 * and is restarted.
 */
public abstract class RatingJobFunctionalTests extends DatabaseTest {

    /** 4,500 New York calls of 61 s at 0.0080 USD/min 6/6: 66 s billed -> 0.0080 * 66 / 60 = 0.0088 each. */
    static final int BULK = 4_500;
    // Hand-made CDRs of October (USD): 0.0088 + 0.0110 + 0.0650 + 0.0780 + 0.0650 + 0 + 0.0110 + 0.0055 + 0 (NO_RATE)
    // + 0 + 0 + 0.0110 + 0.0110 = 0.2663; September's C15: 0.0110; the bulk: 4,500 * 0.0088 = 39.6000.
    static final BigDecimal USD_TOTAL = new BigDecimal("39.8773");
    // C14 on ENTERPRISE_EU: 61 s -> 66 s -> 0.0090 * 66 / 60 = 0.0099 EUR
    static final BigDecimal EUR_TOTAL = new BigDecimal("0.0099");
    static final int ALL_CDRS = BULK + 15;

    @Autowired
    JobLaunchService launcher;

    @Autowired
    RatedCdrRepository ratedCdrs;

    @Autowired
    FailingWrite failingWrite;

    RatingFixtures fixtures;

    @BeforeEach
    void inventoryRatesAndCdrs() {
        fixtures = new RatingFixtures(db);
        fixtures.account("ACC-A", "STANDARD", "USD");
        fixtures.account("ACC-B", "ENTERPRISE_EU", "EUR");
        fixtures.trunk("T1", "ACC-A").insert();
        fixtures.trunk("T2", "ACC-A").plan(ChannelPlan.UNLIMITED_US).insert();
        fixtures.trunk("T3", "ACC-A").admin(AdminStatus.DISABLED).insert();
        fixtures.trunk("T4", "ACC-A").type(TrunkType.OPENAI_REALTIME).insert();
        fixtures.trunk("T5", "ACC-B").insert();
        standardRates("0.0080").insert();

        List<CdrRecord> cdrs = new ArrayList<>();
        cdrs.add(out("C01", "T1", "+12125550123", "2026-10-02T10:00:00Z", 61_000)); // 1212: 66 s -> 0.0088
        cdrs.add(out("C02", "T1", "+13125550123", "2026-10-02T11:00:00Z", 61_000)); // 1: 66 s -> 0.0110
        cdrs.add(out("C03", "T1", "+919812345678", "2026-10-03T10:00:00Z", 61_000)); // 91 30/6: 0.0100 + 0.0550
        cdrs.add(out("C04", "T1", "+4915112345678", "2026-10-14T23:59:00Z", 120_000)); // 0.0390 * 2 = 0.0780
        cdrs.add(out("C05", "T1", "+4915112345678", "2026-10-15T00:00:00Z", 120_000)); // 0.0325 * 2 = 0.0650
        cdrs.add(out("C06", "T2", "+12125550123", "2026-10-04T10:00:00Z", 61_000)); // US_UNLIMITED: 0, 66 s
        cdrs.add(out("C07", "T2", "+14165550123", "2026-10-04T11:00:00Z", 61_000)); // Canada on row 1: 0.0110
        cdrs.add(fixtures.cdr("C08", "T2", "ACC-A", Direction.INBOUND, "+12125550123", "2026-10-04T12:00:00Z", 61_000,
                200)); // inbound 1 at 0.0050: 66 s -> 0.0055
        cdrs.add(out("C09", "T1", "+3221234567", "2026-10-05T10:00:00Z", 61_000)); // Belgium: NO_RATE
        cdrs.add(fixtures.cdr("C10", "T1", "ACC-A", Direction.OUTBOUND, "+13125550123", "2026-10-05T11:00:00Z",
                20_000, 487)); // unanswered: 0
        cdrs.add(fixtures.cdr("C11", "T1", "ACC-A", Direction.INBOUND, "+13125550123", "2026-10-05T12:00:00Z", 0,
                503)); // CHANNEL_LIMIT refusal: 0
        cdrs.add(out("C12", "T3", "+13125550123", "2026-10-06T10:00:00Z", 61_000)); // DISABLED: 0.0110, anomaly
        cdrs.add(out("C13", "T4", "+13125550123", "2026-10-06T11:00:00Z", 61_000)); // OPENAI outbound: 0.0110
        cdrs.add(fixtures.cdr("C14", "T5", "ACC-B", Direction.OUTBOUND, "+12125550123", "2026-10-07T10:00:00Z",
                61_000, 200)); // ENTERPRISE_EU: 0.0099 EUR
        cdrs.add(out("C15", "T1", "+13125550123", "2026-09-30T23:59:59Z", 61_000)); // September: 0.0110
        for (int i = 1; i <= BULK; i++) {
            cdrs.add(out(String.format("B%05d", i), "T1", "+12125550123",
                    "2026-10-" + String.format("%02d", 1 + i % 31) + "T08:00:00Z", 61_000));
        }
        fixtures.insert(cdrs);
    }

    @AfterEach
    void disarm() {
        failingWrite.failOnWrite.set(0);
    }

    private CdrRecord out(String id, String trunk, String callee, String start, long millis) {
        return fixtures.cdr(id, trunk, "ACC-A", Direction.OUTBOUND, callee, start, millis, 200);
    }

    private RatingFixtures.RatesBuilder standardRates(String newYorkPerMinute) {
        return fixtures.rates()
                .outbound("1", "United States", "0.0100", 6, 6, "0")
                .outbound("1212", "United States - New York", newYorkPerMinute, 6, 6, "0")
                .outbound("91", "India", "0.0500", 30, 6, "0.0100")
                .row("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0390", "USD", 1, 1, "0",
                        "2026-01-01", "2026-10-15")
                .row("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0325", "USD", 1, 1, "0",
                        "2026-10-15", null)
                .row("STANDARD", Direction.INBOUND, "1", "United States", "0.0050", "USD", 6, 6, "0", null, null)
                .row("ENTERPRISE_EU", Direction.OUTBOUND, "1", "United States", "0.0090", "EUR", 6, 6, "0", null,
                        null);
    }

    JobExecution rate(String... options) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], options[i + 1]);
        }
        var parameters = new RateCommand().jobParameters(ParsedOptions.of("rate", values));
        return launcher.launch(RatingJobConfiguration.JOB_NAME, parameters, RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    BigDecimal currentCost(String currency) {
        BigDecimal total = db.select(sum(RATED_CDR.COST)).from(RATED_CDR)
                .where(RATED_CDR.IS_CURRENT.isTrue().and(RATED_CDR.CURRENCY.eq(currency)))
                .fetchOne(0, BigDecimal.class);
        return total == null ? BigDecimal.ZERO : total;
    }

    int currentRows() {
        return db.fetchCount(RATED_CDR, RATED_CDR.IS_CURRENT.isTrue());
    }

    /** CDRs with more than one current rating: must always be none. */
    int cdrsWithSeveralCurrentRows() {
        return db.fetchCount(db.select(RATED_CDR.CDR_ID).from(RATED_CDR).where(RATED_CDR.IS_CURRENT.isTrue())
                .groupBy(RATED_CDR.CDR_ID).having(count().gt(1)));
    }

    RatedCdr current(String cdrId) {
        return ratedCdrs.current(cdrId).orElseThrow();
    }

    @Test
    void ratesAMonthWithExactCountsAndCost() {
        JobExecution execution = rate();

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(currentRows()).isEqualTo(ALL_CDRS);
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(ALL_CDRS);
        assertThat(db.fetchCount(RATED_CDR, RATED_CDR.STATUS.eq("NO_RATE"))).isEqualTo(1);
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL);
        assertThat(currentCost("EUR")).isEqualByComparingTo(EUR_TOTAL);
        assertThat(JobSummary.lines(execution)).containsExactly("rating run " + runIds().get(0)
                + ": rated by this run 4,515 CDRs (NO_RATE 1 pending), anomalies 2; changed 4,515;"
                + " cost by currency: EUR 0.0099000000, USD 39.8773000000");

        assertThat(current("C01").cost()).isEqualTo(new BigDecimal("0.0088000000"));
        assertThat(current("C01").destination()).isEqualTo("United States - New York");
        assertThat(current("C03").cost()).isEqualByComparingTo("0.0650");
        assertThat(current("C04").cost()).isEqualByComparingTo("0.0780");
        assertThat(current("C05").cost()).isEqualByComparingTo("0.0650");
        RatedCdr unlimited = current("C06");
        assertThat(unlimited.category()).isEqualTo(Category.US_UNLIMITED);
        assertThat(unlimited.billedS()).isEqualTo(66);
        assertThat(unlimited.cost()).isEqualByComparingTo("0");
        assertThat(current("C07").category()).isEqualTo(Category.TERMINATION);
        assertThat(current("C08").category()).isEqualTo(Category.ORIGINATION);
        assertThat(current("C08").cost()).isEqualByComparingTo("0.0055");
        assertThat(current("C09").status()).isEqualTo(RatingStatus.NO_RATE);
        assertThat(current("C10").billable()).isFalse();
        assertThat(current("C11").status()).isEqualTo(RatingStatus.RATED);
        assertThat(current("C12").anomalies()).containsExactly(Anomaly.TRUNK_INACTIVE);
        assertThat(current("C13").anomalies()).containsExactly(Anomaly.OUTBOUND_ON_OPENAI_REALTIME);
        assertThat(current("C14").currency()).isEqualTo("EUR");
        assertThat(current("C15").period()).isEqualTo("2026-09");
        assertThat(current("C15").cost()).isEqualByComparingTo("0.0110");
    }

    @Test
    void aSecondRunOnlyRetriesThePendingNoRate() {
        rate();
        JobExecution second = rate();

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(ALL_CDRS);
        Record run = db.selectFrom(RATING_RUN).orderBy(RATING_RUN.RUN_ID.desc()).limit(1).fetchOne();
        assertThat(run.get(RATING_RUN.CDRS_RATED)).isEqualTo(1L);
        assertThat(run.get(RATING_RUN.CDRS_CHANGED)).isZero();
        assertThat(run.get(RATING_RUN.CDRS_NO_RATE)).isEqualTo(1L);
    }

    @Test
    void noRateIsRatedByALaterRunOnceARateExists() {
        rate();
        assertThat(current("C09").status()).isEqualTo(RatingStatus.NO_RATE);

        // a new rates version adds Belgium: 61 s at 1/1 -> 61 s -> 0.0300 * 61 / 60 = 0.0305
        standardRates("0.0080").outbound("32", "Belgium", "0.0300", 1, 1, "0").insert();
        JobExecution later = rate();

        assertThat(later.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        RatedCdr rated = current("C09");
        assertThat(rated.status()).isEqualTo(RatingStatus.RATED);
        assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0305000000"));
        List<RatedCdrRepository.StoredRating> history = ratedCdrs.history("C09");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).current()).isFalse();
        assertThat(history.get(0).rating().status()).isEqualTo(RatingStatus.NO_RATE);
        assertThat(history.get(0).runId()).isEqualTo(runIds().get(0));
        assertThat(history.get(1).runId()).isEqualTo(runIds().get(1));
        // only C09 was rated by the later run
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(ALL_CDRS + 1);
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL.add(new BigDecimal("0.0305")));
        assertThat(cdrsWithSeveralCurrentRows()).isZero();
    }

    @Test
    void reRatingAPeriodTwiceChangesNothingTheSecondTime() {
        rate();
        // New York goes from 0.0080 to 0.0100: 66 s -> 0.0110 instead of 0.0088, +0.0022 per New York call
        standardRates("0.0100").insert();

        JobExecution first = rate("period", "2026-10");

        assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // every October CDR but C15 (September) is re-rated; each one with a rate row now names the new rates
        // version, so all changed except C09 (NO_RATE again). C10/C11 (not billable) carry their row "1" too.
        long octoberCdrs = ALL_CDRS - 1;
        Record run = lastRun();
        assertThat(run.get(RATING_RUN.CDRS_RATED)).isEqualTo(octoberCdrs);
        assertThat(run.get(RATING_RUN.CDRS_CHANGED)).isEqualTo(octoberCdrs - 1);
        // 4,500 bulk + C01 at +0.0022 (C06 is US_UNLIMITED: 0 either way) = 4,501 * 0.0022 = 9.9022 USD
        assertThat(JobSummary.lines(first)).last().isEqualTo("re-rated period 2026-10: 4,514 CDRs, 4,513 changed,"
                + " cost delta EUR +0.0000000000, USD +9.9022000000");
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL.add(new BigDecimal("9.9022")));
        assertThat(current("C01").cost()).isEqualByComparingTo("0.0110");
        // the old rating is kept with its run id
        List<RatedCdrRepository.StoredRating> history = ratedCdrs.history("C01");
        assertThat(history).extracting(RatedCdrRepository.StoredRating::runId).containsExactlyElementsOf(runIds());
        assertThat(history.get(0).rating().cost()).isEqualByComparingTo("0.0088");
        assertThat(history.get(0).current()).isFalse();
        // September is out of scope
        assertThat(ratedCdrs.history("C15")).hasSize(1);
        int rowsAfterFirst = db.fetchCount(RATED_CDR);

        JobExecution second = rate("period", "2026-10");

        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(rowsAfterFirst);
        assertThat(lastRun().get(RATING_RUN.CDRS_CHANGED)).isZero();
        assertThat(JobSummary.lines(second)).last().isEqualTo("re-rated period 2026-10: 4,514 CDRs, 0 changed,"
                + " cost delta EUR +0.0000000000, USD +0.0000000000");
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL.add(new BigDecimal("9.9022")));
        assertThat(cdrsWithSeveralCurrentRows()).isZero();
    }

    @Test
    void reRatingCanBeNarrowedToAnAccountOrATrunk() {
        rate();
        standardRates("0.0100").insert();

        rate("period", "2026-10", "trunk", "T2");
        assertThat(lastRun().get(RATING_RUN.CDRS_RATED)).isEqualTo(3L); // C06, C07, C08
        rate("period", "2026-10", "account", "ACC-B");
        assertThat(lastRun().get(RATING_RUN.CDRS_RATED)).isEqualTo(1L); // C14
        rate("period", "2026-10", "account", "ACC-A", "trunk", "T5");
        assertThat(lastRun().get(RATING_RUN.CDRS_RATED)).isZero(); // T5 is ACC-B's
        assertThat(current("C01").cost()).isEqualByComparingTo("0.0088"); // T1 not re-rated
        assertThat(cdrsWithSeveralCurrentRows()).isZero();
    }

    @Test
    void aRunFailingMidStepRestartsWhereItStoppedWithTheSameResult() {
        // the second chunk's write fails once: the first 2,000 ratings are committed, the rest not
        failingWrite.failOnWrite.set(2);
        JobExecution failed = rate();

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(currentRows()).isEqualTo(RatingJobConfiguration.CHUNK_SIZE);
        assertThat(lastRun().get(RATING_RUN.CDRS_RATED)).isEqualTo((long) RatingJobConfiguration.CHUNK_SIZE);

        JobExecution restarted = rate();

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
        assertThatSameAsAnUninterruptedRun();
    }

    @Test
    void aReRatingFailingMidStepRestartsWhereItStopped() {
        rate();
        standardRates("0.0100").insert();
        failingWrite.failOnWrite.set(2);
        assertThat(rate("period", "2026-10").getStatus()).isEqualTo(BatchStatus.FAILED);

        JobExecution restarted = rate("period", "2026-10");

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(JobSummary.lines(restarted)).last().isEqualTo("re-rated period 2026-10: 4,514 CDRs, 4,513 changed,"
                + " cost delta EUR +0.0000000000, USD +9.9022000000");
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(ALL_CDRS + 4_513);
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL.add(new BigDecimal("9.9022")));
        assertThat(cdrsWithSeveralCurrentRows()).isZero();
    }

    private void assertThatSameAsAnUninterruptedRun() {
        assertThat(runIds()).hasSize(1);
        assertThat(db.fetchCount(RATED_CDR)).isEqualTo(ALL_CDRS); // no CDR rated twice
        assertThat(currentRows()).isEqualTo(ALL_CDRS); // none skipped
        assertThat(cdrsWithSeveralCurrentRows()).isZero();
        assertThat(currentCost("USD")).isEqualByComparingTo(USD_TOTAL);
        assertThat(currentCost("EUR")).isEqualByComparingTo(EUR_TOTAL);
        Record run = lastRun();
        assertThat(run.get(RATING_RUN.CDRS_RATED)).isEqualTo((long) ALL_CDRS);
        assertThat(run.get(RATING_RUN.CDRS_CHANGED)).isEqualTo((long) ALL_CDRS);
        assertThat(run.get(RATING_RUN.CDRS_NO_RATE)).isEqualTo(1L);
        assertThat(run.get(RATING_RUN.CDRS_ANOMALOUS)).isEqualTo(2L);
        assertThat(run.get(RATING_RUN.STATUS)).isEqualTo(RatingRunRepository.COMPLETED);
    }

    private Record lastRun() {
        return db.selectFrom(RATING_RUN).orderBy(RATING_RUN.RUN_ID.desc()).limit(1).fetchOne();
    }

    private List<Long> runIds() {
        Result<?> runs = db.select(RATING_RUN.RUN_ID).from(RATING_RUN).orderBy(RATING_RUN.RUN_ID).fetch();
        return runs.getValues(RATING_RUN.RUN_ID);
    }

    /** Fails the n-th chunk write after being armed, once. */
    static class FailingWrite implements ItemWriteListener<RatingOutcome> {
        final AtomicInteger failOnWrite = new AtomicInteger();
        private final AtomicInteger writes = new AtomicInteger();

        @Override
        public void beforeWrite(Chunk<? extends RatingOutcome> items) {
            int armedFor = failOnWrite.get();
            if (armedFor == 0) {
                writes.set(0);
                return;
            }
            if (writes.incrementAndGet() == armedFor) {
                failOnWrite.set(0);
                writes.set(0);
                throw new IllegalStateException("injected failure writing chunk " + armedFor);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingWriteConfiguration {
        @Bean
        FailingWrite failingWrite() {
            return new FailingWrite();
        }
    }
}

@OnH2
@Import(RatingJobFunctionalTests.FailingWriteConfiguration.class)
class RatingJobH2FunctionalTests extends RatingJobFunctionalTests {
}

@OnPostgres
@Import(RatingJobFunctionalTests.FailingWriteConfiguration.class)
class RatingJobPostgresFunctionalTests extends RatingJobFunctionalTests {
}
