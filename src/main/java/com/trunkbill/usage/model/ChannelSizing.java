package com.trunkbill.usage.model;

import java.util.Comparator;
import java.util.List;

/**
 * Right-sizing advice for one trunk or Freshworks group over a period, from its daily usage rows (idle days
 * included, so a trunk busy on one day of the month is not sized for that day alone).
 * <ul>
 *   <li>{@code p95DailyPeak}: the 95th percentile of the daily peaks, nearest-rank (the smallest daily peak
 *       that at least 95 % of the days do not exceed).</li>
 *   <li>{@code recommended = max(1, ceil(p95DailyPeak * 1.2))}: 20 % headroom over a normal busy day.
 *       When calls were refused for the channel limit, or the peak exceeded the channel count, the demand
 *       was higher than what was seen: the advice is then at least {@code maxDailyPeak + 1}.</li>
 *   <li>{@code UNDER_PROVISIONED} when the recommendation exceeds the current channels or calls were refused;
 *       {@code OVER_PROVISIONED} when it is at most half the current channels; else {@code OK}.</li>
 * </ul>
 * The current channel count is the one of the last day of the period on which the trunk existed.
 */
public record ChannelSizing(String trunkId, int days, int channels, int p95DailyPeak, int maxDailyPeak,
                            int overCapacityDays, long channelLimitRefusals, int recommendedChannels,
                            Advice advice) {

    /** 20 % headroom over the 95th-percentile busy day. */
    public static final double HEADROOM = 1.2;

    public enum Advice { OK, UNDER_PROVISIONED, OVER_PROVISIONED }

    /** @param rows the rows of one trunk or group, any order, at least one */
    public static ChannelSizing of(List<DailyUsage> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no usage rows to size");
        }
        List<DailyUsage> byDate = rows.stream().sorted(Comparator.comparing(DailyUsage::date)).toList();
        String trunkId = byDate.get(0).trunkId();
        int channels = byDate.get(byDate.size() - 1).channels();
        int[] peaks = byDate.stream().mapToInt(DailyUsage::peakConcurrent).sorted().toArray();
        int p95 = nearestRank(peaks, 95);
        int max = peaks[peaks.length - 1];
        int overCapacityDays = (int) byDate.stream().filter(DailyUsage::overCapacity).count();
        long refusals = byDate.stream().mapToLong(DailyUsage::channelLimitRefusals).sum();
        // integer arithmetic for ceil(p95 * 1.2): ceil(p95 * 12 / 10)
        int recommended = Math.max(1, (p95 * 12 + 9) / 10);
        boolean demandAboveLimit = refusals > 0 || overCapacityDays > 0;
        if (demandAboveLimit) {
            recommended = Math.max(recommended, max + 1);
        }
        Advice advice;
        if (demandAboveLimit || recommended > channels) {
            advice = Advice.UNDER_PROVISIONED;
        } else if (recommended * 2 <= channels) {
            advice = Advice.OVER_PROVISIONED;
        } else {
            advice = Advice.OK;
        }
        return new ChannelSizing(trunkId, byDate.size(), channels, p95, max, overCapacityDays, refusals,
                recommended, advice);
    }

    /** Nearest-rank percentile of ascending values: the value at rank ceil(p/100 * n). */
    static int nearestRank(int[] ascending, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }
}
