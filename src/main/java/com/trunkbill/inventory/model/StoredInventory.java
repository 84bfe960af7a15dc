package com.trunkbill.inventory.model;

import java.util.Map;

/** The inventory as stored before a snapshot is applied, by id. */
public record StoredInventory(Map<String, Account> accounts, Map<String, ServiceAddress> addresses,
                              Map<String, TrunkTimeline> trunks) {

    public StoredInventory {
        accounts = Map.copyOf(accounts);
        addresses = Map.copyOf(addresses);
        trunks = Map.copyOf(trunks);
    }

    public static StoredInventory empty() {
        return new StoredInventory(Map.of(), Map.of(), Map.of());
    }
}
