package com.trunkbill.report;

import com.trunkbill.support.SafeFileNames;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * How numbers look on the report page: grouped by thousands, '.' as decimal point, whatever the machine's locale.
 * The template calls it as {@code fmt}; escaping is the template engine's.
 */
public final class ReportFormat {

    /** The one instance the template uses (it holds no state). */
    static final ReportFormat INSTANCE = new ReportFormat();

    private ReportFormat() {
    }

    /** The relative link to a document named after an id ({@link SafeFileNames#linkTo}: encoded, never a path). */
    public String link(String stem) {
        return SafeFileNames.linkTo(stem);
    }

    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** An amount at its currency's minor-unit scale, half-up, grouped by thousands; empty for none. */
    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        BigDecimal rounded = amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
        return String.format(Locale.ROOT, "%,." + rounded.scale() + "f", rounded);
    }

    /** Minutes with 2 decimals, half-up. */
    public String minutes(BigDecimal minutes) {
        return String.format(Locale.ROOT, "%,.2f", minutes.setScale(2, RoundingMode.HALF_UP));
    }

    /** Billed seconds as minutes with 2 decimals, half-up. */
    public String billedMinutes(long billedSeconds) {
        return minutes(BigDecimal.valueOf(billedSeconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }

    /** A share (0.3333) as a percentage with one decimal ("33.3 %"). */
    public String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }
}
