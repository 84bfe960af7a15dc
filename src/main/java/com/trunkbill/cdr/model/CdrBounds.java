package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.TrunkTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Sane bounds on an accepted CDR's instants (issue 12), checked at import after trunk attribution, on top of SPEC
 * §4.5's "longer than 24 hours" anomaly (which stays: such calls are rated and billed). A CDR outside them is
 * rejected, counted under {@code malformed}; the first failing check is the reason:
 * <ol>
 *   <li>{@code START_BEFORE_TRUNK}: {@code start_time} before its trunk's {@code created_at};</li>
 *   <li>{@code START_TOO_OLD}: {@code start_time} more than {@code maxAge} before the ingestion instant;</li>
 *   <li>{@code DURATION_TOO_LONG}: {@code end_time - start_time} over {@code maxDuration};</li>
 *   <li>{@code END_IN_FUTURE}: {@code end_time} after the ingestion instant plus {@code futureTolerance}.</li>
 * </ol>
 * The ingestion instant is the end of the night being processed for {@code nightly} and {@code demo}, the current
 * time for {@code import-cdrs}, so that a night's import gives the same result whenever it runs.
 */
public record CdrBounds(Duration maxDuration, Duration maxAge, Duration futureTolerance) {

    /** Defaults: 7 days, 90 days, 1 day. */
    public static final CdrBounds DEFAULT = new CdrBounds(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(1));

    public CdrBounds {
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        if (maxDuration.isNegative() || maxAge.isNegative() || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("CDR bounds must not be negative: max-duration " + maxDuration
                    + ", max-age " + maxAge + ", future-tolerance " + futureTolerance);
        }
    }

    /** Why the CDR attributed to {@code trunk} is out of bounds at {@code ingestedAt}, or null when it is not. */
    public Rejection check(Cdr cdr, TrunkTimeline trunk, Instant ingestedAt) {
        if (trunk != null && cdr.startTime().isBefore(trunk.createdAt())) {
            return new Rejection(RejectReason.START_BEFORE_TRUNK, "start_time " + cdr.startTime()
                    + " is before trunk " + trunk.trunkId() + " was created (" + trunk.createdAt() + ")");
        }
        if (Duration.between(cdr.startTime(), ingestedAt).compareTo(maxAge) > 0) {
            return new Rejection(RejectReason.START_TOO_OLD, "start_time " + cdr.startTime() + " is more than "
                    + days(maxAge) + " before the ingestion instant " + ingestedAt
                    + " (trunkbill.cdr.bounds.max-age)");
        }
        if (Duration.between(cdr.startTime(), cdr.endTime()).compareTo(maxDuration) > 0) {
            return new Rejection(RejectReason.DURATION_TOO_LONG, "end_time " + cdr.endTime() + " is more than "
                    + days(maxDuration) + " after start_time " + cdr.startTime()
                    + " (trunkbill.cdr.bounds.max-duration)");
        }
        if (Duration.between(ingestedAt, cdr.endTime()).compareTo(futureTolerance) > 0) {
            return new Rejection(RejectReason.END_IN_FUTURE, "end_time " + cdr.endTime() + " is more than "
                    + days(futureTolerance) + " after the ingestion instant " + ingestedAt
                    + " (trunkbill.cdr.bounds.future-tolerance)");
        }
        return null;
    }

    /** {@code 90 days}, {@code 1 day}, {@code 36 hours} or the ISO-8601 form for anything else. */
    private static String days(Duration duration) {
        if (duration.getNano() == 0 && duration.toSeconds() % 86_400 == 0 && !duration.isZero()) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.getNano() == 0 && duration.toSeconds() % 3_600 == 0 && !duration.isZero()) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        return duration.toString();
    }
}
