package com.trunkbill.inventory.model;

import java.time.Instant;

/** A valid row of {@code trunks.csv} (SPEC §3.1): what the snapshot says a trunk is. */
public record TrunkRow(long lineNo, String[] raw, String trunkId, String accountId, String name, TrunkType type,
                       DataCenter dataCenter, int channels, ChannelPlan plan, String serviceAddressId,
                       AdminStatus adminStatus, ActionStatus actionStatus, Instant createdAt, Instant deletedAt) {

    /** The row's channels, plan and statuses as a state effective from {@code effectiveFrom}. */
    public TrunkState stateFrom(Instant effectiveFrom) {
        return new TrunkState(effectiveFrom, channels, plan, adminStatus, actionStatus);
    }
}
