package com.trunkbill.rating.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.RateRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.trunkbill.rating.model.Examples.CREATED;
import static com.trunkbill.rating.model.Examples.STANDARD_ACCOUNT;
import static com.trunkbill.rating.model.Examples.answered;
import static com.trunkbill.rating.model.Examples.call;
import static com.trunkbill.rating.model.Examples.dates;
import static com.trunkbill.rating.model.Examples.rate;
import static com.trunkbill.rating.model.Examples.state;
import static com.trunkbill.rating.model.Examples.trunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatingEngineTests {

    private static final String OCT_5 = "2026-10-05T10:00:00Z";
    private static final TrunkTimeline METERED = trunk(ChannelPlan.METERED);
    private static final TrunkTimeline UNLIMITED = trunk(ChannelPlan.UNLIMITED_US);

    private final RatingEngine engine = new RatingEngine();

    // India-like row: 0.0500/min, 30/6 increments, connect fee 0.0100
    private final RateRow india = rate("91", "0.0500", 30, 6, "0.0100");
    private final RateBook indiaBook = RateBook.of(List.of(india));

    private RatedCdr rateCall(Cdr cdr, RateBook book, TrunkTimeline trunk) {
        return engine.rate(cdr, book, STANDARD_ACCOUNT, trunk);
    }

    @Test
    void answeredCallOfZeroSecondsCostsItsConnectFee() {
        // 0 ms -> 0 s -> 0 s billed -> 0.0100 + 0.0500 * 0 / 60 = 0.0100
        RatedCdr rated = rateCall(answered("+919812345678", OCT_5, 0), indiaBook, METERED);
        assertThat(rated.status()).isEqualTo(RatingStatus.RATED);
        assertThat(rated.billable()).isTrue();
        assertThat(rated.durationS()).isZero();
        assertThat(rated.billedS()).isZero();
        assertThat(rated.cost()).isEqualByComparingTo("0.0100");
    }

    @Test
    void exactlyTheFirstIncrement() {
        // 30 s at 30/6 -> 30 s billed -> 0.0100 + 0.0500 * 30 / 60 = 0.0100 + 0.0250 = 0.0350
        RatedCdr rated = rateCall(answered("+919812345678", OCT_5, 30_000), indiaBook, METERED);
        assertThat(rated.billedS()).isEqualTo(30);
        assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0350000000"));
    }

    @Test
    void oneSecondOverTheFirstIncrement() {
        // 31 s at 30/6 -> 30 + 6 = 36 s billed -> 0.0100 + 0.0500 * 36 / 60 = 0.0100 + 0.0300 = 0.0400
        RatedCdr rated = rateCall(answered("+919812345678", OCT_5, 31_000), indiaBook, METERED);
        assertThat(rated.billedS()).isEqualTo(36);
        assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0400000000"));
        // 30.001 s is already 31 s: ceil(30,001 ms / 1000) = 31 -> 36 s billed, same cost
        assertThat(rateCall(answered("+919812345678", OCT_5, 30_001), indiaBook, METERED).billedS()).isEqualTo(36);
    }

    @Test
    void sixtyOneSecondsAtThirtySix() {
        // 61 s at 30/6 -> 30 + ceil(31/6)*6 = 66 s billed -> 0.0100 + 0.0500 * 66 / 60 = 0.0100 + 0.0550 = 0.0650
        RatedCdr rated = rateCall(answered("+919812345678", OCT_5, 61_000), indiaBook, METERED);
        assertThat(rated.durationS()).isEqualTo(61);
        assertThat(rated.billedS()).isEqualTo(66);
        assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0650000000"));
        assertThat(rated.category()).isEqualTo(Category.TERMINATION);
        assertThat(rated.destination()).isEqualTo("Dest 91");
        assertThat(rated.rate().rateId()).isEqualTo(india.rateId());
        assertThat(rated.channelPlan()).isEqualTo(ChannelPlan.METERED);
    }

    @Test
    void connectFeeIsAddedOncePerAnsweredCall() {
        // 61 s at 60/60 -> 120 s billed -> 0.0120 * 120 / 60 = 0.0240, + connect fee 0.0100 = 0.0340
        RateBook book = RateBook.of(List.of(rate("7", "0.0120", 60, 60, "0.0100")));
        assertThat(rateCall(answered("+74951234567", OCT_5, 61_000), book, METERED).cost())
                .isEqualTo(new BigDecimal("0.0340000000"));
    }

    @Test
    void costIsRoundedHalfUpToTenDecimalsOnce() {
        // 7 s at 1/1 -> 7 s billed -> 0.0001 * 7 / 60 = 0.00001166666... -> 0.0000116667
        RateBook book = RateBook.of(List.of(rate("44", "0.0001", 1, 1, "0")));
        assertThat(rateCall(answered("+442071234567", OCT_5, 7_000), book, METERED).cost())
                .isEqualTo(new BigDecimal("0.0000116667"));
        // 0.0123456789 * 1 / 60 = 0.000205761315 -> 0.0002057613 (the 11th decimal 1 rounds down)
        RateBook odd = RateBook.of(List.of(rate("44", "0.0123456789", 1, 1, "0")));
        assertThat(rateCall(answered("+442071234567", OCT_5, 1_000), odd, METERED).cost())
                .isEqualTo(new BigDecimal("0.0002057613"));
    }

    @Test
    void prefixOneVersusNewYork1212() {
        RateBook book = RateBook.of(List.of(rate("1", "0.0100", 6, 6, "0"), rate("1212", "0.0080", 6, 6, "0")));
        // New York: 1212 row. 40 s at 6/6 -> 42 s billed -> 0.0080 * 42 / 60 = 0.0056
        RatedCdr newYork = rateCall(answered("+12125550123", OCT_5, 40_000), book, METERED);
        assertThat(newYork.destination()).isEqualTo("Dest 1212");
        assertThat(newYork.cost()).isEqualTo(new BigDecimal("0.0056000000"));
        // Chicago: only 1 matches. 40 s -> 42 s billed -> 0.0100 * 42 / 60 = 0.0070
        RatedCdr chicago = rateCall(answered("+13125550123", OCT_5, 40_000), book, METERED);
        assertThat(chicago.destination()).isEqualTo("Dest 1");
        assertThat(chicago.cost()).isEqualTo(new BigDecimal("0.0070000000"));
    }

    @Test
    void aRateThatChangesOnThe15thUsesTheRowOfTheStartDateInUtc() {
        RateBook book = RateBook.of(List.of(
                rate("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0390", 1, 1, "0",
                        dates("2026-01-01", "2026-10-15")),
                rate("STANDARD", Direction.OUTBOUND, "4915", "Germany - Mobile", "0.0325", 1, 1, "0",
                        dates("2026-10-15", null))));
        // starts 2026-10-14T23:59:59Z, lasts 120 s into the 15th: the start date decides -> 0.0390 * 120 / 60 = 0.0780
        assertThat(rateCall(answered("+4915112345678", "2026-10-14T23:59:59Z", 120_000), book, METERED).cost())
                .isEqualTo(new BigDecimal("0.0780000000"));
        // starts 2026-10-15T00:00:00Z -> 0.0325 * 120 / 60 = 0.0650
        assertThat(rateCall(answered("+4915112345678", "2026-10-15T00:00:00Z", 120_000), book, METERED).cost())
                .isEqualTo(new BigDecimal("0.0650000000"));
    }

    @Test
    void unlimitedUsMakesOnlyOutboundUsDomesticCallsFree() {
        RateBook book = RateBook.of(List.of(
                rate("1", "0.0100", 6, 6, "0"),
                rate("1416", "0.0150", 6, 6, "0"),
                rate("1787", "0.0200", 6, 6, "0"),
                rate("1900", "0.1000", 60, 60, "0.0100"),
                rate("STANDARD", Direction.INBOUND, "1", "United States", "0.0050", 6, 6, "0", EffectiveDates.ALWAYS)));
        // US (New York), outbound: US_UNLIMITED, cost 0; billed by the row's 6/6 for fair use: 40 s -> 42 s
        RatedCdr us = rateCall(answered("+12125550123", OCT_5, 40_000), book, UNLIMITED);
        assertThat(us.category()).isEqualTo(Category.US_UNLIMITED);
        assertThat(us.cost()).isEqualByComparingTo("0");
        assertThat(us.billedS()).isEqualTo(42);
        assertThat(us.destination()).isEqualTo("Dest 1");
        // US toll-free is domestic too
        assertThat(rateCall(answered("+18005550199", OCT_5, 40_000), book, UNLIMITED).category())
                .isEqualTo(Category.US_UNLIMITED);
        // Canada (Toronto 1416): billed. 40 s -> 42 s -> 0.0150 * 42 / 60 = 0.0105
        RatedCdr canada = rateCall(answered("+14165550123", OCT_5, 40_000), book, UNLIMITED);
        assertThat(canada.category()).isEqualTo(Category.TERMINATION);
        assertThat(canada.cost()).isEqualTo(new BigDecimal("0.0105000000"));
        // Puerto Rico (1787): billed. 40 s -> 42 s -> 0.0200 * 42 / 60 = 0.0140
        RatedCdr puertoRico = rateCall(answered("+17875550123", OCT_5, 40_000), book, UNLIMITED);
        assertThat(puertoRico.category()).isEqualTo(Category.TERMINATION);
        assertThat(puertoRico.cost()).isEqualTo(new BigDecimal("0.0140000000"));
        // US premium +1900: billed. 40 s at 60/60 -> 60 s -> 0.0100 + 0.1000 * 60 / 60 = 0.1100
        RatedCdr premium = rateCall(answered("+19005550123", OCT_5, 40_000), book, UNLIMITED);
        assertThat(premium.category()).isEqualTo(Category.TERMINATION);
        assertThat(premium.cost()).isEqualTo(new BigDecimal("0.1100000000"));
        // Inbound US traffic is always billed: 40 s -> 42 s -> 0.0050 * 42 / 60 = 0.0035
        RatedCdr inbound = rateCall(call(Direction.INBOUND, "+12125550123", Instant.parse(OCT_5), 40_000, 200, null),
                book, UNLIMITED);
        assertThat(inbound.category()).isEqualTo(Category.ORIGINATION);
        assertThat(inbound.cost()).isEqualTo(new BigDecimal("0.0035000000"));
        // The same US call on a METERED trunk: 40 s -> 42 s -> 0.0100 * 42 / 60 = 0.0070
        RatedCdr metered = rateCall(answered("+12125550123", OCT_5, 40_000), book, METERED);
        assertThat(metered.category()).isEqualTo(Category.TERMINATION);
        assertThat(metered.cost()).isEqualTo(new BigDecimal("0.0070000000"));
    }

    @Test
    void theUnlimitedCallStillNeedsARateRow() {
        RatedCdr rated = rateCall(answered("+12125550123", OCT_5, 40_000), RateBook.of(List.of()), UNLIMITED);
        assertThat(rated.status()).isEqualTo(RatingStatus.NO_RATE);
        assertThat(rated.billedS()).isZero();
    }

    @Test
    void thePlanInEffectAtStartTimeApplies() {
        Instant switchedToUnlimited = Instant.parse("2026-10-10T12:00:00Z");
        TrunkTimeline trunk = trunk(TrunkType.STATIC, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.ENABLED, ActionStatus.SUCCESS),
                state(switchedToUnlimited, ChannelPlan.UNLIMITED_US, AdminStatus.ENABLED, ActionStatus.SUCCESS));
        RateBook book = RateBook.of(List.of(rate("1", "0.0100", 6, 6, "0")));
        RatedCdr before = rateCall(answered("+12125550123", "2026-10-10T11:59:59Z", 40_000), book, trunk);
        assertThat(before.channelPlan()).isEqualTo(ChannelPlan.METERED);
        assertThat(before.category()).isEqualTo(Category.TERMINATION);
        RatedCdr after = rateCall(answered("+12125550123", "2026-10-10T12:00:00Z", 40_000), book, trunk);
        assertThat(after.channelPlan()).isEqualTo(ChannelPlan.UNLIMITED_US);
        assertThat(after.category()).isEqualTo(Category.US_UNLIMITED);
    }

    @Test
    void noRateThenRatedOnceARateExists() {
        Cdr belgium = answered("+3221234567", OCT_5, 61_000);
        RatedCdr pending = rateCall(belgium, indiaBook, METERED);
        assertThat(pending.status()).isEqualTo(RatingStatus.NO_RATE);
        assertThat(pending.category()).isNull();
        assertThat(pending.cost()).isEqualByComparingTo("0");
        assertThat(pending.durationS()).isEqualTo(61);

        // the Belgium row appears: 61 s at 1/1 -> 61 s billed -> 0.0300 * 61 / 60 = 0.0305
        RateBook withBelgium = RateBook.of(List.of(india, rate("32", "0.0300", 1, 1, "0")));
        RatedCdr rated = rateCall(belgium, withBelgium, METERED);
        assertThat(rated.status()).isEqualTo(RatingStatus.RATED);
        assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0305000000"));
        assertThat(rated.sameRatingAs(pending)).isFalse();
    }

    @Test
    void notBillableCallsCostNothingAndNeedNoRateRow() {
        Instant start = Instant.parse(OCT_5);
        RateBook empty = RateBook.of(List.of());
        // unanswered (487)
        RatedCdr unanswered = rateCall(call(Direction.OUTBOUND, "+3221234567", start, 20_000, 487, null), empty,
                METERED);
        // refused at the channel limit
        RatedCdr refused = rateCall(call(Direction.INBOUND, "+3221234567", start, 0, 503, "CHANNEL_LIMIT"), empty,
                METERED);
        // status 200 without answer_time
        Cdr noAnswer = new Cdr("CDR-200", "TRK-1", "ACC-1", "2026-10", Direction.OUTBOUND, "+3221234567", start, null,
                start.plusSeconds(30), 200, null);
        RatedCdr okWithoutAnswer = rateCall(noAnswer, empty, METERED);
        for (RatedCdr rated : List.of(unanswered, refused, okWithoutAnswer)) {
            assertThat(rated.status()).isEqualTo(RatingStatus.RATED);
            assertThat(rated.billable()).isFalse();
            assertThat(rated.billedS()).isZero();
            assertThat(rated.cost()).isEqualByComparingTo("0");
            assertThat(rated.rate()).isNull();
        }
        assertThat(unanswered.category()).isEqualTo(Category.TERMINATION);
        assertThat(refused.category()).isEqualTo(Category.ORIGINATION);

        // with a matching row the destination is kept, the cost stays 0
        RatedCdr withRow = rateCall(call(Direction.OUTBOUND, "+919812345678", start, 20_000, 486, null), indiaBook,
                METERED);
        assertThat(withRow.destination()).isEqualTo("Dest 91");
        assertThat(withRow.cost()).isEqualByComparingTo("0");
    }

    @Test
    void theAccountsPriceListSelectsTheRows() {
        RateBook book = RateBook.of(List.of(rate("1", "0.0100", 6, 6, "0"),
                rate("ENTERPRISE_EU", Direction.OUTBOUND, "1", "United States", "0.0090", 6, 6, "0",
                        EffectiveDates.ALWAYS)));
        Account mueller = new Account("ACC-1", "Mueller", "EUR", "DE", "ENTERPRISE_EU", "DE123");
        // 60 s at 6/6 -> 60 s -> 0.0090 * 60 / 60 = 0.0090
        assertThat(engine.rate(answered("+12125550123", OCT_5, 60_000), book, mueller, METERED).cost())
                .isEqualTo(new BigDecimal("0.0090000000"));
    }

    @Test
    void anomaliesAreFlaggedAndStillBilled() {
        RateBook book = RateBook.of(List.of(rate("1", "0.0100", 60, 60, "0")));
        Instant start = Instant.parse(OCT_5);
        TrunkTimeline disabled = trunk(TrunkType.STATIC, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.DISABLED, ActionStatus.SUCCESS));
        TrunkTimeline systemDisabled = trunk(TrunkType.STATIC, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.SYSTEM_DISABLED, ActionStatus.SUCCESS));
        TrunkTimeline failed = trunk(TrunkType.STATIC, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.ENABLED, ActionStatus.FAILED));
        TrunkTimeline deleted = trunk(TrunkType.STATIC, CREATED, start,
                state(CREATED, ChannelPlan.METERED, AdminStatus.ENABLED, ActionStatus.SUCCESS));
        TrunkTimeline notYetCreated = trunk(TrunkType.STATIC, start.plusSeconds(1), null,
                state(start.plusSeconds(1), ChannelPlan.METERED, AdminStatus.ENABLED, ActionStatus.SUCCESS));
        Cdr call = answered("+12125550123", OCT_5, 60_000);
        for (TrunkTimeline inactive : List.of(disabled, systemDisabled, failed, deleted, notYetCreated)) {
            RatedCdr rated = rateCall(call, book, inactive);
            assertThat(rated.anomalies()).containsExactly(Anomaly.TRUNK_INACTIVE);
            // 60 s at 60/60 -> 60 s -> 0.0100, billed all the same
            assertThat(rated.cost()).isEqualTo(new BigDecimal("0.0100000000"));
        }
        assertThat(rateCall(call, book, METERED).anomalies()).isEmpty();

        TrunkTimeline openAi = trunk(TrunkType.OPENAI_REALTIME, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.ENABLED, ActionStatus.SUCCESS));
        assertThat(rateCall(call, book, openAi).anomalyCodes()).isEqualTo("OUTBOUND_ON_OPENAI_REALTIME");
        assertThat(rateCall(call(Direction.INBOUND, "+12125550123", start, 60_000, 200, null),
                RateBook.of(List.of()), openAi).anomalies()).isEmpty();
    }

    @Test
    void callsLongerThan24Hours() {
        RateBook book = RateBook.of(List.of(rate("1", "0.0100", 60, 60, "0")));
        Instant start = Instant.parse(OCT_5);
        long day = 24L * 3600 * 1000;
        // exactly 24 h is not longer than 24 h
        assertThat(rateCall(answered("+12125550123", OCT_5, day), book, METERED).anomalies()).isEmpty();
        // 24 h + 1 ms answered: flagged and billed: 86,401 s -> 86,460 s at 60/60 -> 1441 min * 0.0100 = 14.4100
        RatedCdr longCall = rateCall(answered("+12125550123", OCT_5, day + 1), book, METERED);
        assertThat(longCall.anomalies()).containsExactly(Anomaly.LONGER_THAN_24H);
        assertThat(longCall.cost()).isEqualTo(new BigDecimal("14.4100000000"));
        // unanswered: end - start counts
        assertThat(rateCall(call(Direction.OUTBOUND, "+12125550123", start, day + 1, 487, null), book, METERED)
                .anomalies()).containsExactly(Anomaly.LONGER_THAN_24H);
        // answered late: 2 h ringing + 23 h talking = 25 h from start, but end - answer = 23 h: not flagged
        Cdr lateAnswer = new Cdr("CDR-late", "TRK-1", "ACC-1", "2026-10", Direction.OUTBOUND, "+12125550123", start,
                start.plusSeconds(7200), start.plusSeconds(7200 + 23 * 3600), 200, null);
        assertThat(rateCall(lateAnswer, book, METERED).anomalies()).isEmpty();
    }

    @Test
    void severalAnomaliesAreStoredCommaSeparated() {
        TrunkTimeline disabledOpenAi = trunk(TrunkType.OPENAI_REALTIME, CREATED, null,
                state(CREATED, ChannelPlan.METERED, AdminStatus.DISABLED, ActionStatus.SUCCESS));
        RatedCdr rated = rateCall(answered("+12125550123", OCT_5, 25L * 3600 * 1000),
                RateBook.of(List.of(rate("1", "0.0100", 60, 60, "0"))), disabledOpenAi);
        assertThat(rated.anomalyCodes()).isEqualTo("TRUNK_INACTIVE,OUTBOUND_ON_OPENAI_REALTIME,LONGER_THAN_24H");
        assertThat(RatedCdr.parseAnomalies(rated.anomalyCodes())).isEqualTo(rated.anomalies());
    }

    @Test
    void failsLoudlyWithoutTheTrunkOrAccount() {
        Cdr cdr = answered("+12125550123", OCT_5, 1_000);
        assertThatThrownBy(() -> engine.rate(cdr, indiaBook, STANDARD_ACCOUNT, null))
                .hasMessageContaining("trunk TRK-1 is not in the inventory");
        assertThatThrownBy(() -> engine.rate(cdr, indiaBook, null, METERED))
                .hasMessageContaining("account ACC-1 is not in the inventory");
    }
}
