package com.trunkbill.usage.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The answered traffic of one trunk in a period, as the fair-use signals need it (all counts over answered,
 * rated CDRs; seconds are {@code duration_s}, before billing increments).
 *
 * @param shortCalls       answered calls shorter than the policy's short-call seconds
 * @param longCalls        answered calls longer than the policy's long-call seconds
 * @param outboundSeconds  answered seconds of OUTBOUND calls
 * @param totalSeconds     answered seconds of all calls
 */
public record TrafficProfile(long answeredCalls, long shortCalls, long longestCallSeconds, long longCalls,
                             long outboundSeconds, long totalSeconds) {

    public static final int SHARE_SCALE = 4;

    public static final TrafficProfile NONE = new TrafficProfile(0, 0, 0, 0, 0, 0);

    /** Short calls / answered calls, 4 decimals half-up; 0 without answered calls. */
    public BigDecimal shortCallShare() {
        return share(shortCalls, answeredCalls);
    }

    /** Outbound answered seconds / all answered seconds, 4 decimals half-up; 0 without traffic. */
    public BigDecimal outboundShare() {
        return share(outboundSeconds, totalSeconds);
    }

    /**
     * The policy signals raised, in a fixed order: {@code OVER_ALLOWANCE} (overage minutes above 0),
     * {@code SHORT_CALLS}, {@code LONG_CALLS}, {@code OUTBOUND_HEAVY}.
     */
    public List<String> flags(FairUsePolicy policy, BigDecimal overageMinutes) {
        List<String> flags = new ArrayList<>();
        if (overageMinutes.signum() > 0) {
            flags.add("OVER_ALLOWANCE");
        }
        if (shortCallShare().compareTo(policy.maxShortCallShare()) > 0) {
            flags.add("SHORT_CALLS");
        }
        if (longCalls > policy.maxLongCalls()) {
            flags.add("LONG_CALLS");
        }
        if (outboundShare().compareTo(policy.maxOutboundShare()) > 0) {
            flags.add("OUTBOUND_HEAVY");
        }
        return flags;
    }

    private static BigDecimal share(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(SHARE_SCALE);
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE, RoundingMode.HALF_UP);
    }
}
