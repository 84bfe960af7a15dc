package com.trunkbill.usage.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Thresholds of the fair-use policy signals a fraud / abuse analyst looks at on UNLIMITED_US trunks
 * (configuration {@code trunkbill.fair-use.*}).
 *
 * @param shortCallSeconds  an answered call shorter than this is "short" (autodialers, wangiri); default 6
 * @param maxShortCallShare flag {@code SHORT_CALLS} above this share of answered calls; default 0.30
 * @param longCallSeconds   an answered call longer than this is "long" (a line left open); default 4 h
 * @param maxLongCalls      flag {@code LONG_CALLS} when more long calls than this; default 0
 * @param maxOutboundShare  flag {@code OUTBOUND_HEAVY} above this share of answered seconds going out;
 *                          default 0.95 (unlimited plans are priced for mixed traffic)
 */
public record FairUsePolicy(int shortCallSeconds, BigDecimal maxShortCallShare, long longCallSeconds,
                            long maxLongCalls, BigDecimal maxOutboundShare) {

    public static final FairUsePolicy DEFAULT = new FairUsePolicy(6, new BigDecimal("0.30"), 4 * 3600L, 0,
            new BigDecimal("0.95"));

    public FairUsePolicy {
        Objects.requireNonNull(maxShortCallShare, "maxShortCallShare");
        Objects.requireNonNull(maxOutboundShare, "maxOutboundShare");
        if (shortCallSeconds < 1 || longCallSeconds < 1 || maxLongCalls < 0) {
            throw new IllegalArgumentException("fair-use thresholds must be positive: " + shortCallSeconds + " s, "
                    + longCallSeconds + " s, " + maxLongCalls + " calls");
        }
    }
}
