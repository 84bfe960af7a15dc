package com.trunkbill.inventory.model;

import java.time.Instant;

/** The stored attributes of a trunk after a snapshot (table {@code trunk}); its history is in {@link StateWrite}. */
public record TrunkWrite(String trunkId, String accountId, String name, TrunkType type, DataCenter dataCenter,
                         String serviceAddressId, Instant createdAt, Instant deletedAt, boolean missingPpu) {
}
