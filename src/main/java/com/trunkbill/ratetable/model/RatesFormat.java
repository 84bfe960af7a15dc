package com.trunkbill.ratetable.model;

import com.trunkbill.ratetable.model.RowFields.Range;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code rates.csv} (SPEC §3.2). Defaults: {@code first_increment_s}/{@code next_increment_s} 60/60,
 * {@code connect_fee} 0. {@code price_list} is required on every row (a rate row without one would belong
 * to no account). Rows of one {@code price_list, direction, prefix} must not overlap in time.
 */
public final class RatesFormat implements RateTableFormat<RateRow> {

    public static final int DEFAULT_INCREMENT_S = 60;

    private static final List<String> COLUMNS = List.of("price_list", "direction", "prefix", "destination",
            "rate_per_minute", "currency", "first_increment_s", "next_increment_s", "connect_fee",
            "effective_from", "effective_to");
    private static final List<String> REQUIRED = List.of("price_list", "direction", "prefix", "destination",
            "rate_per_minute", "currency");
    private static final Layout LAYOUT = new Layout(RateTable.RATES, COLUMNS, REQUIRED);

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public RateRow parse(long versionId, RowFields fields) {
        String priceList = fields.text("price_list", 64);
        Direction direction = fields.enumValue("direction", Direction.class);
        String prefix = fields.prefix("prefix");
        String destination = fields.text("destination", 200);
        BigDecimal ratePerMinute = fields.decimal("rate_per_minute", Range.NON_NEGATIVE);
        String currency = fields.currency("currency", true);
        Integer firstIncrement = fields.increment("first_increment_s", DEFAULT_INCREMENT_S);
        Integer nextIncrement = fields.increment("next_increment_s", DEFAULT_INCREMENT_S);
        BigDecimal connectFee = fields.decimal("connect_fee", Range.NON_NEGATIVE,
                BigDecimal.ZERO);
        EffectiveDates effective = fields.effectiveDates();
        if (!fields.valid()) {
            return null;
        }
        return new RateRow(versionId, fields.lineNo(), priceList, direction, prefix, destination, ratePerMinute,
                currency, firstIncrement, nextIncrement, connectFee, effective);
    }

    @Override
    public OverlapCheck.Entry overlapEntry(RateRow row, long lineNo) {
        return OverlapCheck.Entry.of(row.priceList() + " " + row.direction() + " " + row.prefix(), row.effective(),
                lineNo);
    }
}
