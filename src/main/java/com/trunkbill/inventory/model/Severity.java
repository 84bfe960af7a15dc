package com.trunkbill.inventory.model;

/** How an inventory rule violation is handled (SPEC §3.1): the row refused, or imported with a warning. */
public enum Severity {
    REFUSED, WARNING
}
