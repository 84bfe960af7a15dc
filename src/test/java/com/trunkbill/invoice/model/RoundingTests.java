package com.trunkbill.invoice.model;

import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5.2, §9: half-up (away from zero for negatives) to the ISO 4217 minor unit, once per line. */
class RoundingTests {

    @Test
    void halfACentRoundsUp() {
        assertThat(Rounding.round(new BigDecimal("0.005"), "USD")).isEqualByComparingTo("0.01");
        assertThat(Rounding.round(new BigDecimal("2.345"), "EUR")).isEqualByComparingTo("2.35");
        // just under half a cent stays down
        assertThat(Rounding.round(new BigDecimal("0.0049999999"), "USD")).isEqualByComparingTo("0.00");
    }

    @Test
    void negativeHalfRoundsAwayFromZero() {
        assertThat(Rounding.round(new BigDecimal("-0.005"), "USD")).isEqualByComparingTo("-0.01");
        assertThat(Rounding.round(new BigDecimal("-0.0049"), "USD")).isEqualByComparingTo("0.00");
    }

    @Test
    void minorUnitsComeFromIso4217() {
        // JPY has no minor unit: 12.5 -> 13; BHD has 3 decimals: 1.2345 -> 1.235
        assertThat(Rounding.round(new BigDecimal("12.5"), "JPY")).isEqualByComparingTo("13").hasScaleOf(0);
        assertThat(Rounding.round(new BigDecimal("1.2345"), "BHD")).isEqualByComparingTo("1.235").hasScaleOf(3);
        assertThat(Rounding.minorUnits("EUR")).isEqualTo(2);
    }

    @Test
    void monetaryAmountsKeepTheirCurrency() {
        var rounded = Rounding.round(Money.of(new BigDecimal("10.125"), "SGD"));
        assertThat(rounded.getCurrency().getCurrencyCode()).isEqualTo("SGD");
        assertThat(Rounding.decimal(rounded)).isEqualByComparingTo("10.13").hasScaleOf(2);
        assertThat(Rounding.decimal(Money.of(7, "USD")).toPlainString()).isEqualTo("7.00");
    }
}
