package com.trunkbill.inventory.model;

import java.time.Instant;

/**
 * A valid row of {@code trunks.csv} (SPEC §3.1): what the snapshot says a trunk is. {@code serviceAddressGiven}
 * is false when the file has no {@code service_address_id} column: the row then says nothing about the address
 * (a stored trunk keeps its own), whereas an empty cell in a present column says "none".
 */
public record TrunkRow(long lineNo, String[] raw, String trunkId, String accountId, String name, TrunkType type,
                       DataCenter dataCenter, int channels, ChannelPlan plan, String serviceAddressId,
                       boolean serviceAddressGiven, AdminStatus adminStatus, ActionStatus actionStatus,
                       Instant createdAt, Instant deletedAt) {

    /** The row's channels, plan and statuses as a state effective from {@code effectiveFrom}. */
    public TrunkState stateFrom(Instant effectiveFrom) {
        return new TrunkState(effectiveFrom, channels, plan, adminStatus, actionStatus);
    }
}
