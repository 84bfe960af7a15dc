package com.trunkbill.ratetable.model;

import com.trunkbill.ratetable.model.RowFields.Range;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code tax-rates.csv} (SPEC §3.2). Defaults: {@code base_fraction} 1, {@code reverse_charge_b2b} false,
 * {@code applies_to} ALL for the PER_* bases (it only matters for PERCENT, where it is required).
 * Decisions where SPEC is silent: {@code country} is required (a row without one would tax every address
 * in the world); a PERCENT {@code rate} is a fraction, so more than 1 is refused (it catches {@code 8.875}
 * written for 8.875 %); PER_* rows need a {@code currency}. Two rows of one tax code and jurisdiction must
 * not overlap in time (they would tax the same base twice).
 */
public final class TaxRatesFormat implements RateTableFormat<TaxRow> {

    private static final List<String> COLUMNS = List.of("tax_code", "tax_name", "country", "state", "county",
            "city", "basis", "rate", "currency", "applies_to", "base_fraction", "reverse_charge_b2b",
            "effective_from", "effective_to");
    private static final List<String> REQUIRED = List.of("tax_code", "tax_name", "country", "basis", "rate");
    private static final Layout LAYOUT = new Layout(RateTable.TAX_RATES, COLUMNS, REQUIRED);

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public TaxRow parse(long versionId, RowFields fields) {
        String taxCode = fields.text("tax_code", 32);
        String taxName = fields.text("tax_name", 200);
        String country = fields.country("country", true);
        String state = fields.optionalText("state", 10);
        String county = fields.optionalText("county", 100);
        String city = fields.optionalText("city", 100);
        TaxBasis basis = fields.enumValue("basis", TaxBasis.class);
        BigDecimal rate = fields.decimal("rate",
                basis == TaxBasis.PERCENT ? Range.FRACTION : Range.NON_NEGATIVE);
        boolean perUnit = basis == TaxBasis.PER_CHANNEL_MONTH || basis == TaxBasis.PER_TRUNK_MONTH;
        String currency = fields.currency("currency", perUnit);
        TaxAppliesTo appliesTo = basis == TaxBasis.PERCENT
                ? fields.enumValue("applies_to", TaxAppliesTo.class)
                : fields.enumValue("applies_to", TaxAppliesTo.class, TaxAppliesTo.ALL);
        BigDecimal baseFraction = fields.decimal("base_fraction", Range.FRACTION,
                BigDecimal.ONE);
        Boolean reverseCharge = fields.bool("reverse_charge_b2b", false);
        EffectiveDates effective = fields.effectiveDates();
        if (!fields.valid()) {
            return null;
        }
        return new TaxRow(versionId, fields.lineNo(), taxCode, taxName, country, state, county, city, basis, rate,
                currency, appliesTo, baseFraction, reverseCharge, effective);
    }

    @Override
    public OverlapCheck.Entry overlapEntry(TaxRow row, long lineNo) {
        String jurisdiction = String.join("-", row.country(), part(row.state()), part(row.county()),
                part(row.city()));
        return OverlapCheck.Entry.of(row.taxCode() + " " + jurisdiction.toUpperCase(Locale.ROOT), row.effective(),
                lineNo);
    }

    private static String part(String value) {
        return value == null ? "" : value;
    }
}
