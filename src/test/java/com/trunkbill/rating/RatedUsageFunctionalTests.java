package com.trunkbill.rating;

import com.trunkbill.rating.RatedUsage.AnsweredTraffic;
import com.trunkbill.rating.RatedUsage.CurrentRatingCounts;
import com.trunkbill.rating.RatedUsage.DestinationUsage;
import com.trunkbill.rating.RatedUsage.FairUseUsage;
import com.trunkbill.rating.RatedUsage.FileRating;
import com.trunkbill.rating.RatedUsage.FileRatingCounts;
import com.trunkbill.rating.RatedUsage.UsageLine;
import com.trunkbill.rating.model.Anomaly;
import com.trunkbill.rating.model.Category;
import com.trunkbill.rating.model.RatingStatus;
import com.trunkbill.report.ReportFixturesAccess;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model of current rated usage over the report scenario of October 2026 (see ReportScenario): only the
 * current ratings count (a1's and a6's older ratings do not), NO_RATE is no usage, and what leaves rating is typed.
 */
public abstract class RatedUsageFunctionalTests extends DatabaseTest {

    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final CurrencyUnit USD = Monetary.getCurrency("USD");
    private static final String NEW_YORK = "United States - New York";

    @Autowired
    RatedUsage ratedUsage;

    private long file1;
    private long file2;

    @BeforeEach
    void octoberScenario() {
        ReportFixturesAccess.octoberScenario(db);
        List<Long> files = db.select(CDR_FILE.FILE_ID).from(CDR_FILE).orderBy(CDR_FILE.INGESTED_AT)
                .fetch(CDR_FILE.FILE_ID);
        file1 = files.get(0);
        file2 = files.get(1);
    }

    @Test
    void usageLinesSumTheRatedUsageThatBillsSomething() {
        assertThat(ratedUsage.usageLines(OCTOBER)).usingRecursiveFieldByFieldElementComparator(moneyByValue())
                .containsExactly(
                        // a1 4500 s 0.45 + a2 600 s 0.10 + a3 300 s 0.05 + a8..a10 3 x 60 s 0.01; a4, a5 bill nothing
                        new UsageLine("ACC-1", "TRK-A", Category.TERMINATION, NEW_YORK, USD, null, 5580, usd("0.63")),
                        // f1, f2, f3: 3 x 60 s 0.02
                        new UsageLine("ACC-1", "TRK-F1", Category.TERMINATION, "United States", USD, null, 180,
                                usd("0.06")),
                        new UsageLine("ACC-1", "TRK-U", Category.ORIGINATION, NEW_YORK, USD, null, 600, usd("0.06")),
                        // u1 900 s + u2 3 s billed 6 s, cost 0
                        new UsageLine("ACC-1", "TRK-U", Category.US_UNLIMITED, NEW_YORK, USD, null, 906, usd("0")));
        assertThat(ratedUsage.usageLines(BillingPeriod.parse("2026-09"))).isEmpty();
    }

    @Test
    void aUsageLineShowsItsRateOnlyWhenEveryRatingOfItHadTheSameOne() {
        // f1..f3 (TRK-F1, 3 x 60 s, 0.02 each): the same rate written with two scales is one rate
        setRatePerMinute("f1", "0.02");
        setRatePerMinute("f2", "0.0200");
        setRatePerMinute("f3", "0.02");
        assertThat(trunkF1Line().uniformRatePerMinute()).isEqualByComparingTo("0.02");
        // another rate in the group: no single rate
        setRatePerMinute("f3", "0.03");
        assertThat(trunkF1Line().uniformRatePerMinute()).isNull();
        // a rating without a rate in the group: no single rate either
        setRatePerMinute("f3", null);
        assertThat(trunkF1Line().uniformRatePerMinute()).isNull();
        assertThat(trunkF1Line().cost()).isEqualByComparingTo(usd("0.06"));
    }

    private void setRatePerMinute(String cdrId, String rate) {
        db.update(RATED_CDR).set(RATED_CDR.RATE_PER_MINUTE, rate == null ? null : new BigDecimal(rate))
                .where(RATED_CDR.CDR_ID.eq(cdrId)).execute();
    }

    private UsageLine trunkF1Line() {
        return ratedUsage.usageLines(OCTOBER).stream().filter(line -> line.trunkId().equals("TRK-F1"))
                .findFirst().orElseThrow();
    }

    @Test
    void destinationsAreRankedPerCurrencyByCostThenCalls() {
        assertThat(ratedUsage.destinationsByCost(OCTOBER))
                .usingRecursiveFieldByFieldElementComparator(moneyByValue())
                .containsExactly(
                        // a1..a5, a8..a10: 8 calls (a4, a5 billed 0 s)
                        new DestinationUsage(NEW_YORK, Category.TERMINATION, USD, 8, 5580, usd("0.63")),
                        // 0.06 each: 3 calls before 1 call
                        new DestinationUsage("United States", Category.TERMINATION, USD, 3, 180, usd("0.06")),
                        new DestinationUsage(NEW_YORK, Category.ORIGINATION, USD, 1, 600, usd("0.06")),
                        new DestinationUsage(NEW_YORK, Category.US_UNLIMITED, USD, 2, 906, usd("0")));
    }

    @Test
    void fairUseFiguresPerTrunk() {
        FairUseUsage usage = ratedUsage.fairUseUsage(OCTOBER, 6, 14_400);
        assertThat(usage.usUnlimitedSeconds()).isEqualTo(Map.of("TRK-U", 906L));
        // answered calls only (a4, a5 are not); short below 6 s (u2: 3 s), long above 4 h (none)
        assertThat(usage.answeredTraffic()).isEqualTo(Map.of(
                "TRK-A", new AnsweredTraffic(6, 0, 4500, 0, 5580, 5580),
                "TRK-F1", new AnsweredTraffic(3, 0, 60, 0, 120, 180),
                "TRK-U", new AnsweredTraffic(3, 1, 900, 0, 903, 1503)));
        // a threshold of 1 h makes a1 (4500 s) long
        assertThat(ratedUsage.fairUseUsage(OCTOBER, 6, 3600).answeredTraffic().get("TRK-A"))
                .isEqualTo(new AnsweredTraffic(6, 0, 4500, 1, 5580, 5580));
    }

    @Test
    void figuresOverAllPeriods() {
        // a6's current rating is NO_RATE; its older RATED rating (0.90) is not money rated
        assertThat(ratedUsage.currentRatingCounts()).isEqualTo(new CurrentRatingCounts(14, 1));
        // 0.45 + 0.10 + 0.05 + 3 x 0.01 + 3 x 0.02 + 0.06
        assertThat(ratedUsage.moneyRatedByCurrency()).containsOnlyKeys(USD);
        assertThat(ratedUsage.moneyRatedByCurrency().get(USD)).isEqualByComparingTo(usd("0.75"));
    }

    @Test
    void figuresPerCdrFile() {
        Map<Long, FileRating> byFile = ratedUsage.ratingByFile();
        assertThat(byFile).containsOnlyKeys(file1, file2);
        assertThat(byFile.get(file1).counts()).isEqualTo(new FileRatingCounts(5, 2, 1, 0, 0));
        assertThat(byFile.get(file2).counts()).isEqualTo(new FileRatingCounts(9, 0, 0, 0, 0));
        assertThat(byFile.get(file1).anomalies())
                .isEqualTo(Map.of(Anomaly.TRUNK_INACTIVE, 2L, Anomaly.LONGER_THAN_24H, 1L));
        assertThat(byFile.get(file2).anomalies()).isEmpty();
        assertThat(byFile.get(file1).moneyRated()).containsOnlyKeys(USD);
        assertThat(byFile.get(file1).moneyRated().get(USD)).isEqualByComparingTo(usd("0.60"));
        // 3 x 0.01 + 3 x 0.02 + 0.06
        assertThat(byFile.get(file2).moneyRated().get(USD)).isEqualByComparingTo(usd("0.15"));
        assertThat(ratedUsage.ratingErrorsByFile(10)).isEmpty();
    }

    @Test
    void cdrsAreTestedAgainstTheirCurrentRatingOnly() {
        // a1 has two ratings, one current: one row per CDR; a6 (current NO_RATE) is left out
        List<String> notNoRate = db.select(CDR.CDR_ID).from(CDR)
                .where(RatedUsage.currentRatingIsNot(CDR.CDR_KEY, RatingStatus.NO_RATE))
                .orderBy(CDR.CDR_ID).fetch(CDR.CDR_ID);
        assertThat(notNoRate).containsExactly("a1", "a10", "a2", "a3", "a4", "a5", "a8", "a9", "f1", "f2", "f3",
                "u1", "u2", "u3");
    }

    private static MonetaryAmount usd(String amount) {
        return Money.of(new BigDecimal(amount), "USD");
    }

    /** Amounts compare by value (0.63 equals the sum 0.6300000000). */
    private static RecursiveComparisonConfiguration moneyByValue() {
        return RecursiveComparisonConfiguration.builder()
                .withComparatorForType(Money::compareTo, Money.class).build();
    }
}

@OnH2
class RatedUsageH2FunctionalTests extends RatedUsageFunctionalTests {
}

@OnPostgres
class RatedUsagePostgresFunctionalTests extends RatedUsageFunctionalTests {
}
