package com.trunkbill.inventory.model;

/** The administrative status of a trunk (SPEC §3.1). */
public enum AdminStatus {
    ENABLED, DISABLED, SYSTEM_DISABLED
}
