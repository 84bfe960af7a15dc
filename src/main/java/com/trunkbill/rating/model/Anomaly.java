package com.trunkbill.rating.model;

/** SPEC §4.5: reasons a CDR is flagged in the reconciliation report. Anomalous CDRs are still billed (§9). */
public enum Anomaly {
    /** The trunk was DISABLED, SYSTEM_DISABLED, action FAILED, deleted or not yet created at start_time. */
    TRUNK_INACTIVE,
    /** An OUTBOUND CDR on an OPENAI_REALTIME trunk (not supported by the service). */
    OUTBOUND_ON_OPENAI_REALTIME,
    /** {@code end - answer} (or {@code end - start} when unanswered) over 24 hours. */
    LONGER_THAN_24H
}
