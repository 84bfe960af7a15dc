package com.trunkbill.ratetable.model;

/** Call direction from the customer's side (SPEC §3.2, §3.3): OUTBOUND is termination, INBOUND origination. */
public enum Direction {
    INBOUND, OUTBOUND
}
