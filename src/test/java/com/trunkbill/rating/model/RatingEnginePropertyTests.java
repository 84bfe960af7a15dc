package com.trunkbill.rating.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.RateRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.trunkbill.rating.model.Examples.STANDARD_ACCOUNT;
import static com.trunkbill.rating.model.Examples.call;
import static com.trunkbill.rating.model.Examples.trunk;
import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the rating engine over seeded random rate rows and calls (1,000 cases each). */
class RatingEnginePropertyTests {

    private static final int[][] INCREMENTS = {{60, 60}, {30, 6}, {6, 6}, {1, 1}, {60, 1}};
    private static final String[] NUMBERS = {"+12125550123", "+14165550123", "+17875550123", "+19005550123",
            "+18005550199", "+4915112345678", "+919812345678", "+442071234567"};
    private static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");

    private final RatingEngine engine = new RatingEngine();

    @Test
    void billedSecondsCoverTheDurationAndCostNeverDecreasesAsDurationGrows() {
        Random random = new Random(1234L);
        for (int i = 0; i < 1_000; i++) {
            RateRow row = randomRow(random, "1", Direction.OUTBOUND);
            RateBook book = RateBook.of(List.of(row));
            TrunkTimeline trunk = trunk(random.nextBoolean() ? ChannelPlan.METERED : ChannelPlan.UNLIMITED_US);
            Instant start = OCT.plusSeconds(random.nextInt(30 * 86_400));
            BigDecimal previousCost = BigDecimal.ZERO;
            long millis = 0;
            for (int step = 0; step < 40; step++) {
                millis += random.nextInt(20_000);
                RatedCdr rated = engine.rate(call(Direction.OUTBOUND, "+13125550123", start, millis, 200, null),
                        book, STANDARD_ACCOUNT, trunk);
                assertThat(rated.status()).isEqualTo(RatingStatus.RATED);
                String example = millis + " ms at " + row.firstIncrementS() + "/" + row.nextIncrementS();
                assertThat(rated.billedS()).as(example).isGreaterThanOrEqualTo(rated.durationS());
                assertThat(rated.cost()).as(example).isGreaterThanOrEqualTo(previousCost);
                assertThat(rated.cost().scale()).as(example).isEqualTo(RatedCdr.COST_SCALE);
                if (rated.category() != Category.US_UNLIMITED) {
                    // the cost recomputed independently: fee + rate * billed / 60, half-up to 10 decimals
                    BigDecimal expected = row.connectFee().add(row.ratePerMinute()
                            .multiply(BigDecimal.valueOf(rated.billedS()))
                            .divide(BigDecimal.valueOf(60), 30, RoundingMode.HALF_UP))
                            .setScale(10, RoundingMode.HALF_UP);
                    assertThat(rated.cost()).as(example).isEqualByComparingTo(expected);
                }
                previousCost = rated.cost();
            }
        }
    }

    @Test
    void ratingAgainWithUnchangedTablesChangesNothing() {
        Random random = new Random(99L);
        List<RateRow> rows = new ArrayList<>();
        for (String prefix : List.of("1", "1212", "1416", "1787", "1900", "49", "4915", "91", "44")) {
            rows.add(randomRow(random, prefix, random.nextInt(4) == 0 ? Direction.INBOUND : Direction.OUTBOUND));
        }
        RateBook book = RateBook.of(rows);
        RateBook rebuilt = RateBook.of(List.copyOf(rows));
        for (int i = 0; i < 1_000; i++) {
            TrunkTimeline trunk = trunk(random.nextBoolean() ? ChannelPlan.METERED : ChannelPlan.UNLIMITED_US);
            int status = random.nextInt(5) == 0 ? 487 : 200;
            Cdr cdr = call(random.nextBoolean() ? Direction.OUTBOUND : Direction.INBOUND,
                    NUMBERS[random.nextInt(NUMBERS.length)], OCT.plusSeconds(random.nextInt(30 * 86_400)),
                    random.nextInt(4_000_000), status, null);
            RatedCdr first = engine.rate(cdr, book, STANDARD_ACCOUNT, trunk);
            RatedCdr second = engine.rate(cdr, rebuilt, STANDARD_ACCOUNT, trunk);
            assertThat(second.sameRatingAs(first)).as(cdr.toString()).isTrue();
            assertThat(new RatingOutcome(1L, second, first, 1L).changed()).isFalse();
        }
    }

    private static RateRow randomRow(Random random, String prefix, Direction direction) {
        int[] increments = INCREMENTS[random.nextInt(INCREMENTS.length)];
        BigDecimal perMinute = BigDecimal.valueOf(random.nextInt(100_000), 6);
        BigDecimal fee = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(200), 4) : BigDecimal.ZERO;
        return Examples.rate("STANDARD", direction, prefix,
                "Dest " + prefix, perMinute.toPlainString(), increments[0], increments[1], fee.toPlainString(),
                EffectiveDates.ALWAYS);
    }
}
