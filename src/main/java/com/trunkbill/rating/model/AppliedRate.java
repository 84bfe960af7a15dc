package com.trunkbill.rating.model;

import com.trunkbill.ratetable.model.RateRow;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rate row a rating used, as stored with it (STYLE: keep the rate row used on every rated CDR so a
 * re-rating can be compared line by line): its table version and id and the values that priced the call.
 */
public record AppliedRate(long versionId, long rateId, BigDecimal ratePerMinute, String currency,
                          int firstIncrementS, int nextIncrementS, BigDecimal connectFee) {

    public AppliedRate {
        Objects.requireNonNull(ratePerMinute, "ratePerMinute");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(connectFee, "connectFee");
    }

    public static AppliedRate of(RateRow row) {
        return new AppliedRate(row.versionId(), row.rateId(), row.ratePerMinute(), row.currency(),
                row.firstIncrementS(), row.nextIncrementS(), row.connectFee());
    }

    public BillingIncrements increments() {
        return new BillingIncrements(firstIncrementS, nextIncrementS);
    }

    /** Equal values, BigDecimals compared by value (0.50 equals 0.5). */
    public boolean sameAs(AppliedRate other) {
        return other != null && versionId == other.versionId && rateId == other.rateId
                && ratePerMinute.compareTo(other.ratePerMinute) == 0 && currency.equals(other.currency)
                && firstIncrementS == other.firstIncrementS && nextIncrementS == other.nextIncrementS
                && connectFee.compareTo(other.connectFee) == 0;
    }
}
