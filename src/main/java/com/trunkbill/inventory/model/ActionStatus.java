package com.trunkbill.inventory.model;

/** The status of the last provisioning action on a trunk (SPEC §3.1). */
public enum ActionStatus {
    PENDING, SUCCESS, RESET, FAILED
}
