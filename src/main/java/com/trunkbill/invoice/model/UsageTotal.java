package com.trunkbill.invoice.model;

import java.math.BigDecimal;

/**
 * The current ratings of one trunk, category, destination text and rate currency in a period (SPEC §9 "Invoice
 * lines"), summed: billed seconds and the exact sum of the unrounded CDR costs. {@code ratePerMinute} is the rate
 * when every CDR of the group had the same one, else null.
 */
public record UsageTotal(String accountId, String trunkId, String category, String destination, String currency,
                         BigDecimal ratePerMinute, long billedSeconds, BigDecimal cost) {

    public static final String US_UNLIMITED = "US_UNLIMITED";

    public boolean isUsUnlimited() {
        return US_UNLIMITED.equals(category);
    }
}
