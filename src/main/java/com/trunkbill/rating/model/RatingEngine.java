package com.trunkbill.rating.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.support.UtcDay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Rates one CDR (SPEC §4, §9 "Rating"). Pure: everything it needs comes in as arguments.
 * <ul>
 *   <li>Not billable (unanswered, SIP status not 200, CHANNEL_LIMIT refusals): RATED at cost 0, billed 0 s,
 *       category by direction; the rate row, when one matches, is recorded for its destination.</li>
 *   <li>Billable: the longest-prefix row of the account's price list and the CDR's direction effective on the
 *       UTC date of {@code start_time}; none: NO_RATE (pending).</li>
 *   <li>The trunk's plan at {@code start_time}: on UNLIMITED_US, an outbound US-domestic call is
 *       US_UNLIMITED at cost 0 but is billed seconds (fair use) by its rate row's increments.</li>
 *   <li>Otherwise {@code cost = connect_fee + rate_per_minute * billed_s / 60}, half-up to 10 decimals.</li>
 *   <li>Anomalies (SPEC §4.5) are flagged; anomalous CDRs are rated and billed like the others.</li>
 * </ul>
 */
public final class RatingEngine {

    private static final Duration ONE_DAY = Duration.ofHours(24);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal ZERO_COST = BigDecimal.ZERO.setScale(RatedCdr.COST_SCALE);

    private final Predicate<String> usDomestic;

    /** An engine deciding US-domestic numbers with libphonenumber ({@link UsDomestic}). */
    public RatingEngine() {
        this(new UsDomestic());
    }

    /** @param usDomestic the US-domestic test on an E.164 number */
    public RatingEngine(Predicate<String> usDomestic) {
        this.usDomestic = usDomestic;
    }

    public RatedCdr rate(Cdr cdr, RateBook rateBook, Account account, TrunkTimeline trunk) {
        if (account == null) {
            throw new IllegalStateException("cdr " + cdr.cdrId() + ": account " + cdr.accountId()
                    + " is not in the inventory");
        }
        if (trunk == null) {
            throw new IllegalStateException("cdr " + cdr.cdrId() + ": trunk " + cdr.trunkId()
                    + " is not in the inventory");
        }
        Set<Anomaly> anomalies = anomalies(cdr, trunk);
        ChannelPlan plan = trunk.stateAt(cdr.startTime()).plan();
        LocalDate day = UtcDay.of(cdr.startTime());
        Optional<RateRow> row = rateBook.longestPrefixMatch(account.priceList(), cdr.direction(),
                cdr.calleeDigits(), day);
        long durationS = cdr.durationSeconds();

        if (!cdr.billable()) {
            return new RatedCdr(cdr.cdrId(), cdr.trunkId(), cdr.accountId(), cdr.period(), cdr.direction(),
                    RatingStatus.RATED, Category.of(cdr.direction()), row.map(RateRow::destination).orElse(null),
                    plan, row.map(AppliedRate::of).orElse(null), false, durationS, 0, ZERO_COST, anomalies);
        }
        if (row.isEmpty()) {
            return new RatedCdr(cdr.cdrId(), cdr.trunkId(), cdr.accountId(), cdr.period(), cdr.direction(),
                    RatingStatus.NO_RATE, null, null, plan, null, true, durationS, 0, ZERO_COST, anomalies);
        }
        AppliedRate rate = AppliedRate.of(row.get());
        long billedS = rate.increments().billedSeconds(durationS);
        boolean unlimited = plan == ChannelPlan.UNLIMITED_US && cdr.direction() == Direction.OUTBOUND
                && usDomestic.test(cdr.callee());
        Category category = unlimited ? Category.US_UNLIMITED : Category.of(cdr.direction());
        BigDecimal cost = unlimited ? ZERO_COST : cost(rate, billedS);
        return new RatedCdr(cdr.cdrId(), cdr.trunkId(), cdr.accountId(), cdr.period(), cdr.direction(),
                RatingStatus.RATED, category, row.get().destination(), plan, rate, true, durationS, billedS, cost,
                anomalies);
    }

    /**
     * SPEC §4.1: {@code connect_fee + rate_per_minute * billed_s / 60}, rounded once, half-up, to 10 decimals
     * (computed as {@code (connect_fee * 60 + rate_per_minute * billed_s) / 60} so only the division rounds).
     */
    public static BigDecimal cost(AppliedRate rate, long billedS) {
        BigDecimal sixtieths = rate.connectFee().multiply(SIXTY)
                .add(rate.ratePerMinute().multiply(BigDecimal.valueOf(billedS)));
        return sixtieths.divide(SIXTY, RatedCdr.COST_SCALE, RoundingMode.HALF_UP);
    }

    /** SPEC §4.5, §9. */
    static Set<Anomaly> anomalies(Cdr cdr, TrunkTimeline trunk) {
        Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
        if (!trunk.existsAt(cdr.startTime()) || inactive(trunk.stateAt(cdr.startTime()))) {
            anomalies.add(Anomaly.TRUNK_INACTIVE);
        }
        if (trunk.type() == TrunkType.OPENAI_REALTIME && cdr.direction() == Direction.OUTBOUND) {
            anomalies.add(Anomaly.OUTBOUND_ON_OPENAI_REALTIME);
        }
        var callStart = cdr.answerTime() != null ? cdr.answerTime() : cdr.startTime();
        if (Duration.between(callStart, cdr.endTime()).compareTo(ONE_DAY) > 0) {
            anomalies.add(Anomaly.LONGER_THAN_24H);
        }
        return anomalies;
    }

    private static boolean inactive(TrunkState state) {
        return state.adminStatus() == AdminStatus.DISABLED || state.adminStatus() == AdminStatus.SYSTEM_DISABLED
                || state.actionStatus() == ActionStatus.FAILED;
    }
}
