package com.trunkbill.ratetable.model;

import com.trunkbill.ratetable.model.RowFields.Range;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code fx-rates.csv} (SPEC §3.2): one unit of {@code base} is {@code rate} units of {@code quote} on
 * {@code date}. Every column is required; the rate must be positive and base and quote must differ. The same
 * pair twice on one date is refused as an overlap (which rate would apply is undecidable).
 */
public final class FxRatesFormat implements RateTableFormat<FxRow> {

    private static final List<String> COLUMNS = List.of("date", "base", "quote", "rate");
    private static final Layout LAYOUT = new Layout(RateTable.FX_RATES, COLUMNS, COLUMNS);

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public FxRow parse(long versionId, RowFields fields) {
        LocalDate date = fields.date("date", true);
        String base = fields.currency("base", true);
        String quote = fields.currency("quote", true);
        BigDecimal rate = fields.decimal("rate", Range.POSITIVE);
        if (base != null && base.equals(quote)) {
            fields.problem(RowProblem.BAD_CURRENCY, "quote", "'" + quote + "' is the same currency as base");
        }
        if (!fields.valid()) {
            return null;
        }
        return new FxRow(date, base, quote, rate);
    }

    @Override
    public OverlapCheck.Entry overlapEntry(FxRow row, long lineNo) {
        return OverlapCheck.Entry.of(row.base() + "/" + row.quote() + " on " + row.date(),
                new EffectiveDates(row.date(), row.date().plusDays(1)), lineNo);
    }
}
