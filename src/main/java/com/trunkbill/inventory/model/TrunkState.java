package com.trunkbill.inventory.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a trunk was from {@code effectiveFrom} until the next state (SPEC §9: channels, plan and statuses
 * change at the snapshot's as-of instant).
 */
public record TrunkState(Instant effectiveFrom, int channels, ChannelPlan plan, AdminStatus adminStatus,
                         ActionStatus actionStatus) {

    public TrunkState {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(adminStatus, "adminStatus");
        Objects.requireNonNull(actionStatus, "actionStatus");
        if (channels < 1) {
            throw new IllegalArgumentException("channel count " + channels + " from " + effectiveFrom);
        }
    }

    /** Whether the billable attributes differ (the effective instant aside). */
    public boolean sameAttributesAs(TrunkState other) {
        return channels == other.channels && plan == other.plan && adminStatus == other.adminStatus
                && actionStatus == other.actionStatus;
    }
}
