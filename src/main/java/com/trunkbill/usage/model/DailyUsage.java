package com.trunkbill.usage.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code channel-usage.csv} (SPEC §6, §7): a trunk, or a Freshworks group
 * {@code FRESHWORKS:<account>:<data_center>}, on one UTC day on which it (or a member) existed.
 *
 * @param channels the day's channel count: the largest in effect that day, summed over the members of a group
 */
public record DailyUsage(LocalDate date, String trunkId, int channels, int peakConcurrent, Instant peakAt,
                         long occupiedMillis, long calls, long answered, long channelLimitRefusals) {

    /** Utilization is written with 4 decimals, half-up (0.1234 = 12.34 %). */
    public static final int UTILIZATION_SCALE = 4;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public DailyUsage {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(trunkId, "trunkId");
        if (channels < 1) {
            throw new IllegalArgumentException(trunkId + ": channel count " + channels + " on " + date);
        }
    }

    public static DailyUsage of(String trunkId, int channels, DayActivity activity) {
        return new DailyUsage(activity.date(), trunkId, channels, activity.peakConcurrent(), activity.peakAt(),
                activity.occupiedMillis(), activity.calls(), activity.answered(), activity.refusals());
    }

    /** Occupied channel-seconds, exact (milliseconds kept as decimals, trailing zeros dropped). */
    public BigDecimal occupiedSeconds() {
        BigDecimal seconds = BigDecimal.valueOf(occupiedMillis, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** SPEC §6: occupied seconds / (channels * 86400), 4 decimals half-up. */
    public BigDecimal utilization() {
        return BigDecimal.valueOf(occupiedMillis)
                .divide(BigDecimal.valueOf(channels * MILLIS_PER_DAY), UTILIZATION_SCALE, RoundingMode.HALF_UP);
    }

    /** SPEC §6: the peak exceeded the channel count. */
    public boolean overCapacity() {
        return peakConcurrent > channels;
    }
}
