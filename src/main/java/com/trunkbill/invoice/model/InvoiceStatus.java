package com.trunkbill.invoice.model;

/**
 * SPEC §5.4: DRAFT is rebuilt by every {@code invoice} run, FINAL is numbered and immutable, ON_HOLD cannot be
 * finalized until its {@code hold_reason} is resolved (it is rebuilt by every run like a draft).
 */
public enum InvoiceStatus {
    DRAFT, FINAL, ON_HOLD
}
