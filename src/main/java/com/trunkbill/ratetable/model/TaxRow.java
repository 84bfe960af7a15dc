package com.trunkbill.ratetable.model;

import java.math.BigDecimal;

/**
 * One row of {@code tax-rates.csv} (SPEC §3.2). Location fields are null when empty; a row applies to an
 * address when every present one equals the address's (SPEC §9: trimmed, case-insensitive).
 */
public record TaxRow(long versionId, long rowId, String taxCode, String taxName, String country, String state,
                     String county, String city, TaxBasis basis, BigDecimal rate, String currency,
                     TaxAppliesTo appliesTo, BigDecimal baseFraction, boolean reverseChargeB2b,
                     EffectiveDates effective) {
}
