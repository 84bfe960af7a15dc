package com.trunkbill.usage.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of {@code fair-use.csv} (SPEC §7, §9 "Fair use"): an UNLIMITED_US trunk's allowance, use and
 * overage (unrounded), with the policy signals of its traffic.
 *
 * @param currency the currency of the overage rate (the plan row of the last UNLIMITED_US day); null without one
 */
public record FairUseRow(String trunkId, String trunkName, String accountId, BigDecimal allowanceMinutes,
                         BigDecimal usedMinutes, BigDecimal overageMinutes, BigDecimal overageRate, String currency,
                         TrafficProfile traffic, List<String> flags) {

    public FairUseRow {
        Objects.requireNonNull(trunkId, "trunkId");
        flags = List.copyOf(flags);
    }

    /** Overage minutes * overage rate, unrounded. */
    public BigDecimal overageAmount() {
        return overageMinutes.multiply(overageRate);
    }
}
