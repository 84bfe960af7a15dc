package com.trunkbill.rating.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.ratetable.model.Direction;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rating of one CDR (a row of {@code rated_cdr}).
 *
 * @param category    null only for NO_RATE
 * @param destination the rate row's destination; null when no row matched
 * @param rate        the rate row used; null for NO_RATE and for non-billable CDRs without a matching row
 * @param cost        exact, {@code connect_fee + rate_per_minute * billed_s / 60} half-up to 10 decimals
 *                    (SPEC §4.1); 0 for NO_RATE, non-billable and US_UNLIMITED CDRs
 * @param anomalies   SPEC §4.5 reasons, empty when none
 */
public record RatedCdr(String cdrId, String trunkId, String accountId, String period, Direction direction,
                       RatingStatus status, Category category, String destination, ChannelPlan channelPlan,
                       AppliedRate rate, boolean billable, long durationS, long billedS, BigDecimal cost,
                       Set<Anomaly> anomalies) {

    public static final int COST_SCALE = 10;

    public RatedCdr {
        Objects.requireNonNull(cdrId, "cdrId");
        Objects.requireNonNull(status, () -> "cdr " + cdrId + ": status");
        Objects.requireNonNull(cost, () -> "cdr " + cdrId + ": cost");
        anomalies = anomalies == null || anomalies.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(anomalies));
    }

    /**
     * The rating of a CDR that could not be rated: {@link RatingStatus#RATING_ERROR}, no category, rate or
     * duration, cost 0.
     */
    public static RatedCdr ratingError(Cdr cdr) {
        return new RatedCdr(cdr.cdrId(), cdr.trunkId(), cdr.accountId(), cdr.period(), cdr.direction(),
                RatingStatus.RATING_ERROR, null, null, null, null, false, 0, 0,
                BigDecimal.ZERO.setScale(COST_SCALE), Set.of());
    }

    public boolean isAnomalous() {
        return !anomalies.isEmpty();
    }

    /** The rate's currency; null when no rate row was used (then the cost is 0). */
    public String currency() {
        return rate == null ? null : rate.currency();
    }

    /** {@code TRUNK_INACTIVE,LONGER_THAN_24H} in declaration order, or null when there is none. */
    public String anomalyCodes() {
        return anomalies.isEmpty() ? null
                : anomalies.stream().map(Anomaly::name).collect(Collectors.joining(","));
    }

    /** Parses {@link #anomalyCodes()}. */
    public static Set<Anomaly> parseAnomalies(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(",")).map(String::trim).map(Anomaly::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Anomaly.class)));
    }

    /**
     * Whether {@code other} says the same thing about the same CDR (amounts compared by value): a re-rating
     * that gives the same rating changes nothing (SPEC §4.6).
     */
    public boolean sameRatingAs(RatedCdr other) {
        return other != null && cdrId.equals(other.cdrId) && status == other.status
                && Objects.equals(trunkId, other.trunkId) && Objects.equals(accountId, other.accountId)
                && Objects.equals(period, other.period) && direction == other.direction
                && category == other.category && Objects.equals(destination, other.destination)
                && channelPlan == other.channelPlan
                && (rate == null ? other.rate == null : rate.sameAs(other.rate))
                && billable == other.billable && durationS == other.durationS && billedS == other.billedS
                && cost.compareTo(other.cost) == 0 && anomalies.equals(other.anomalies);
    }
}
