package com.trunkbill.rating.model;

import java.time.Duration;
import java.time.Instant;

/**
 * SPEC §4.1 billing increments ({@code 60/60}, {@code 30/6}, {@code 1/1}): the seconds a call of a given
 * duration is billed for.
 */
public record BillingIncrements(int firstS, int nextS) {

    public BillingIncrements {
        if (firstS < 1 || nextS < 1) {
            throw new IllegalArgumentException("billing increments must be >= 1 s: " + firstS + "/" + nextS);
        }
    }

    /**
     * {@code ceil((end - answer) in milliseconds / 1000)}, never negative. Computed from the duration's seconds
     * and milliseconds apart, so any two instants give a result ({@code Duration.toMillis} overflows beyond
     * 292 million years).
     */
    public static long durationSeconds(Instant answer, Instant end) {
        Duration duration = Duration.between(answer, end);
        if (duration.isNegative() || duration.isZero()) {
            return 0;
        }
        long millisOfSecond = duration.getNano() / 1_000_000;
        return millisOfSecond > 0 ? Math.addExact(duration.getSeconds(), 1) : duration.getSeconds();
    }

    /**
     * 0 when {@code durationS} is 0; {@code firstS} when {@code durationS <= firstS}; else {@code firstS} plus
     * the remaining seconds rounded up to whole {@code nextS} increments.
     */
    public long billedSeconds(long durationS) {
        if (durationS < 0) {
            throw new IllegalArgumentException("negative duration " + durationS);
        }
        if (durationS == 0) {
            return 0;
        }
        if (durationS <= firstS) {
            return firstS;
        }
        // exact: a duration near Long.MAX_VALUE fails with ArithmeticException (the CDR becomes RATING_ERROR)
        return Math.addExact(firstS, Math.multiplyExact(ceilDiv(durationS - firstS, nextS), nextS));
    }

    /** Quotient rounded up, for a positive divisor ({@code Math.ceilDiv} is Java 18+). */
    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    @Override
    public String toString() {
        return firstS + "/" + nextS;
    }
}
