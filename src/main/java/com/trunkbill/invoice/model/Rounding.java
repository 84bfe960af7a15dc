package com.trunkbill.invoice.model;

import org.javamoney.moneta.Money;

import javax.money.Monetary;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding policy of invoices (SPEC §5.2, §9): each line once, half-up to the ISO 4217 minor unit
 * of its currency (JPY 0, EUR 2, BHD 3 decimals). {@link RoundingMode#HALF_UP} rounds a negative half away
 * from zero, so a credit of -0.005 becomes -0.01, as SPEC §9 asks.
 */
public final class Rounding {

    private Rounding() {
    }

    /** The number of decimals of a currency's minor unit. */
    public static int minorUnits(String currencyCode) {
        int digits = Monetary.getCurrency(currencyCode).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public static MonetaryAmount round(MonetaryAmount amount) {
        String currency = amount.getCurrency().getCurrencyCode();
        return Money.of(round(amount.getNumber().numberValue(BigDecimal.class), currency), currency);
    }

    public static BigDecimal round(BigDecimal amount, String currencyCode) {
        return amount.setScale(minorUnits(currencyCode), RoundingMode.HALF_UP);
    }

    /** A rounded amount as a plain decimal with exactly the currency's minor-unit scale (for CSV and documents). */
    public static BigDecimal decimal(MonetaryAmount amount) {
        return round(amount.getNumber().numberValue(BigDecimal.class), amount.getCurrency().getCurrencyCode());
    }

    public static MonetaryAmount zero(String currencyCode) {
        return Money.of(BigDecimal.ZERO.setScale(minorUnits(currencyCode)), currencyCode);
    }
}
