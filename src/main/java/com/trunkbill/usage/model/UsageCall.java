package com.trunkbill.usage.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One accepted CDR as channel usage sees it (SPEC §6, §9 "Channel usage"): it occupies one channel over
 * {@code [start, end)} unless it is a {@code CHANNEL_LIMIT} refusal; a zero-length call occupies nothing.
 *
 * @param answered answer time set and SIP status 200
 * @param refusal  SIP status 503 with disconnect reason {@code CHANNEL_LIMIT}
 */
public record UsageCall(Instant start, Instant end, boolean answered, boolean refusal) {

    public UsageCall {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("call ends at " + end + " before it starts at " + start);
        }
    }

    /** The call of a CDR with these columns. */
    public static UsageCall of(Instant start, Instant end, Instant answerTime, int sipStatus,
                               String disconnectReason) {
        return new UsageCall(start, end, isAnswered(answerTime, sipStatus),
                isChannelLimitRefusal(sipStatus, disconnectReason));
    }

    /** Whether the call holds a channel at all. */
    public boolean occupiesChannel() {
        return !refusal && end.isAfter(start);
    }

    /** SPEC §3.3: a refusal because the trunk was at its channel limit. */
    public static boolean isChannelLimitRefusal(int sipStatus, String disconnectReason) {
        return sipStatus == 503 && "CHANNEL_LIMIT".equals(disconnectReason);
    }

    /** SPEC §4.1: answered = answer time set and status 200. */
    public static boolean isAnswered(Instant answerTime, int sipStatus) {
        return answerTime != null && sipStatus == 200;
    }
}
