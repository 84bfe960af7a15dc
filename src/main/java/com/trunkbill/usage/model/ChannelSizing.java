package com.trunkbill.usage.model;

import java.util.Comparator;
import java.util.List;

/**
 * Right-sizing advice for one trunk or Freshworks group over a period, from its daily usage rows (idle days
 * included, so a trunk busy on one day of the month is not sized for that day alone). The label follows the
 * recommendation, and the recommendation follows the evidence:
 * <ul>
 *   <li>{@code p95DailyPeak}: the 95th percentile of the daily peaks, nearest-rank (the smallest daily peak
 *       that at least 95 % of the days do not exceed).</li>
 *   <li>{@code recommended = max(1, ceil(p95DailyPeak * 1.2))}: 20 % headroom over a normal busy day.</li>
 *   <li>Demand above the limit: a day whose peak exceeded the channel count, or a channel-limit refusal on a day
 *       whose peak reached the channel count ({@code refusalsAtLimit}). Then the demand was higher than what was
 *       seen, and the recommendation is at least {@code maxDailyPeak + 1}. A refusal on a day whose peak stayed
 *       below the channel count is not evidence of demand: the trunk had free channels, so the refusal came from
 *       a limit elsewhere (the SBC's own setting); it is counted and named in the reason, and changes nothing.</li>
 *   <li>{@code UNDER_PROVISIONED} when the recommendation exceeds the current channels, {@code OVER_PROVISIONED}
 *       when it is at most half of them, else {@code OK}. {@code reason} says why, in the row.</li>
 * </ul>
 * The current channel count is the one of the last day of the period on which the trunk existed.
 */
public record ChannelSizing(String trunkId, int days, int channels, int p95DailyPeak, int maxDailyPeak,
                            int overCapacityDays, long channelLimitRefusals, long refusalsAtLimit,
                            int recommendedChannels, Advice advice, String reason) {

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
        long refusalsAtLimit = byDate.stream().filter(day -> day.peakConcurrent() >= day.channels())
                .mapToLong(DailyUsage::channelLimitRefusals).sum();
        // integer arithmetic for ceil(p95 * 1.2): ceil(p95 * 12 / 10)
        int fromP95 = Math.max(1, (p95 * 12 + 9) / 10);
        boolean demandAboveLimit = refusalsAtLimit > 0 || overCapacityDays > 0;
        int recommended = demandAboveLimit ? Math.max(fromP95, max + 1) : fromP95;
        Advice advice;
        if (recommended > channels) {
            advice = Advice.UNDER_PROVISIONED;
        } else if (recommended * 2 <= channels) {
            advice = Advice.OVER_PROVISIONED;
        } else {
            advice = Advice.OK;
        }
        String reason = reason(channels, p95, max, fromP95, overCapacityDays, refusalsAtLimit,
                refusals - refusalsAtLimit, recommended, advice);
        return new ChannelSizing(trunkId, byDate.size(), channels, p95, max, overCapacityDays, refusals,
                refusalsAtLimit, recommended, advice, reason);
    }

    private static String reason(int channels, int p95, int max, int fromP95, int overCapacityDays,
                                 long refusalsAtLimit, long refusalsBelowLimit, int recommended, Advice advice) {
        StringBuilder reason = new StringBuilder();
        reason.append("peak ").append(max).append(" (p95 ").append(p95).append(") on ").append(channels)
                .append(" channels: p95 x 1.2 -> ").append(fromP95);
        if (overCapacityDays > 0 || refusalsAtLimit > 0) {
            reason.append("; demand above the limit (");
            if (overCapacityDays > 0) {
                reason.append(overCapacityDays).append(" days over capacity");
            }
            if (refusalsAtLimit > 0) {
                reason.append(overCapacityDays > 0 ? ", " : "").append(refusalsAtLimit)
                        .append(" refusals while at the limit");
            }
            reason.append(") -> at least peak + 1 = ").append(max + 1);
        }
        reason.append("; recommend ").append(recommended).append(switch (advice) {
            case UNDER_PROVISIONED -> " > " + channels + " channels";
            case OVER_PROVISIONED -> " <= half of " + channels + " channels";
            case OK -> " within " + channels + " channels";
        });
        if (refusalsBelowLimit > 0) {
            reason.append("; ").append(refusalsBelowLimit).append(" refusals on days below the limit not counted "
                    + "(free channels left: check the SBC's own limit)");
        }
        return reason.toString();
    }

    /** Nearest-rank percentile of ascending values: the value at rank ceil(p/100 * n). */
    static int nearestRank(int[] ascending, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * ascending.length);
        return ascending[Math.max(0, rank - 1)];
    }
}
