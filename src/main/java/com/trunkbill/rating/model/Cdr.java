package com.trunkbill.rating.model;

import com.trunkbill.ratetable.model.Direction;

import java.time.Instant;
import java.util.Objects;

/**
 * An accepted CDR as the rating engine needs it (SPEC §3.3): validated at import, attributed to its trunk
 * (SPEC §4.2), assigned to the period of its {@code startTime}.
 *
 * @param answerTime null when the call was not answered
 */
public record Cdr(String cdrId, String trunkId, String accountId, String period, Direction direction,
                  String callee, Instant startTime, Instant answerTime, Instant endTime, int sipStatus,
                  String disconnectReason) {

    static final int SIP_OK = 200;

    public Cdr {
        Objects.requireNonNull(cdrId, "cdrId");
        Objects.requireNonNull(trunkId, () -> "cdr " + cdrId + ": trunkId");
        Objects.requireNonNull(accountId, () -> "cdr " + cdrId + ": accountId");
        Objects.requireNonNull(direction, () -> "cdr " + cdrId + ": direction");
        Objects.requireNonNull(callee, () -> "cdr " + cdrId + ": callee");
        Objects.requireNonNull(startTime, () -> "cdr " + cdrId + ": startTime");
        Objects.requireNonNull(endTime, () -> "cdr " + cdrId + ": endTime");
    }

    /** SPEC §4.1: answered ({@code answer_time} set) with SIP status 200. */
    public boolean billable() {
        return answerTime != null && sipStatus == SIP_OK;
    }

    /** SPEC §4.1: {@code ceil((end - answer) ms / 1000)}; 0 when not answered. */
    public long durationSeconds() {
        return answerTime == null ? 0 : BillingIncrements.durationSeconds(answerTime, endTime);
    }

    /** The callee's E.164 digits without '+', what rate prefixes match against (SPEC §3.2). */
    public String calleeDigits() {
        return callee.startsWith("+") ? callee.substring(1) : callee;
    }
}
