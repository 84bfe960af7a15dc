package com.trunkbill.ratetable.model;

import java.math.BigDecimal;

/**
 * One row of {@code rates.csv} (SPEC §3.2). {@code rateId} identifies it within its table version
 * (the line number of the imported file), so a rating can name the exact row it used.
 */
public record RateRow(long versionId, long rateId, String priceList, Direction direction, String prefix,
                      String destination, BigDecimal ratePerMinute, String currency, int firstIncrementS,
                      int nextIncrementS, BigDecimal connectFee, EffectiveDates effective) {
}
