package com.trunkbill.invoice.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §5.2, §9 "FX": the rate of the period's last day (latest on or before), reverse pair only as a fallback. */
class LinePricingTests {

    private static final LocalDate MONTH_END = LocalDate.parse("2026-10-31");

    @Test
    void convertsAtTheLatestRateOnOrBeforeTheLastDayThenRoundsOnce() {
        FxRateProvider fx = new FxRateProvider(List.of(
                fx("2026-10-30", "USD", "EUR", "0.877000"),
                fx("2026-10-31", "USD", "EUR", "0.878076"),
                fx("2026-11-02", "USD", "EUR", "0.999999")));
        LinePricing pricing = new LinePricing("EUR", MONTH_END, fx);
        // 12.3456789012 USD (unrounded) * 0.878076 = 10.84044434685..., rounded once: 10.84
        LinePricing.Priced priced = pricing.price(new BigDecimal("12.3456789012"), "USD");
        assertThat(Rounding.decimal(priced.amount())).isEqualByComparingTo("10.84");
        assertThat(priced.amount().getCurrency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(priced.fxNote()).contains("USD->EUR 0.878076 (2026-10-31)");
        assertThat(pricing.holdReasons()).isEmpty();
    }

    @Test
    void aWeekendMonthEndUsesTheLastEarlierRate() {
        FxRateProvider fx = new FxRateProvider(List.of(fx("2026-10-29", "USD", "EUR", "0.800000")));
        LinePricing pricing = new LinePricing("EUR", MONTH_END, fx);
        // 100.005 USD * 0.8 = 80.004 -> 80.00 (rounded after conversion, not before: 100.01 * 0.8 = 80.008 -> 80.01)
        assertThat(Rounding.decimal(pricing.price(new BigDecimal("100.005"), "USD").amount())).isEqualByComparingTo("80.00");
    }

    @Test
    void theReversePairIsUsedOnlyWhenTheDirectPairHasNoRate() {
        // only EUR->USD 3: USD->EUR = 1/3 to 34 significant digits; 100 USD -> 33.333... -> 33.33
        FxRateProvider onlyReverse = new FxRateProvider(List.of(fx("2026-10-31", "EUR", "USD", "3")));
        LinePricing pricing = new LinePricing("EUR", MONTH_END, onlyReverse);
        LinePricing.Priced priced = pricing.price(new BigDecimal("100"), "USD");
        assertThat(Rounding.decimal(priced.amount())).isEqualByComparingTo("33.33");
        assertThat(priced.fxNote()).contains("(1 / EUR->USD of 2026-10-31)");
        assertThat(onlyReverse.rate("USD", "EUR", MONTH_END).factor())
                .isEqualByComparingTo("0.3333333333333333333333333333333333");

        // a direct rate of an earlier date wins over a reverse rate of the last day: 100 * 0.5 = 50.00
        FxRateProvider both = new FxRateProvider(List.of(
                fx("2026-10-15", "USD", "EUR", "0.5"), fx("2026-10-31", "EUR", "USD", "3")));
        assertThat(Rounding.decimal(new LinePricing("EUR", MONTH_END, both).price(new BigDecimal("100"), "USD").amount()))
                .isEqualByComparingTo("50.00");
    }

    @Test
    void noRateAtAllNamesThePairForTheHold() {
        FxRateProvider fx = new FxRateProvider(List.of(
                fx("2026-11-01", "USD", "EUR", "0.9"), // after the period: does not count
                fx("2026-10-31", "USD", "GBP", "0.76")));
        LinePricing pricing = new LinePricing("EUR", MONTH_END, fx);
        LinePricing.Priced priced = pricing.price(new BigDecimal("10"), "USD");
        assertThat(Rounding.decimal(priced.amount())).isEqualByComparingTo("0.00");
        assertThat(pricing.holdReasons()).containsExactly("no FX rate USD->EUR on or before 2026-10-31");
    }

    @Test
    void jpyInvoicesRoundToWholeYen() {
        FxRateProvider fx = new FxRateProvider(List.of(fx("2026-10-31", "USD", "JPY", "150.25")));
        // 3.33 USD * 150.25 = 500.3325 -> 500 JPY
        LinePricing.Priced priced = new LinePricing("JPY", MONTH_END, fx).price(new BigDecimal("3.33"), "USD");
        assertThat(Rounding.decimal(priced.amount()).toPlainString()).isEqualTo("500");
    }
}
