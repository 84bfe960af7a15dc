package com.trunkbill.ratetable;

import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.FxRow;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.ratetable.model.TaxRow;
import org.jooq.Field;
import org.jooq.Table;

import java.util.List;

import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.db.jooq.Tables.TAX_RATE;

/**
 * Where the rows of each rate table go: the table, its columns and a row's values in that order. The row
 * id of every table is the line number of the imported file, so a rating names the exact line it used.
 *
 * @param <T> the row type
 */
record RateTableColumns<T>(Table<?> table, List<Field<?>> columns, Values<T> values) {

    interface Values<T> {
        Object[] of(T row, long versionId, long lineNo);
    }

    static RateTableColumns<?> of(RateTable table) {
        return switch (table) {
            case RATES -> RATES;
            case CHANNEL_PLANS -> CHANNEL_PLANS;
            case TAX_RATES -> TAX_RATES;
            case FX_RATES -> FX_RATES;
        };
    }

    static final RateTableColumns<RateRow> RATES = new RateTableColumns<RateRow>(RATE, List.of(RATE.VERSION_ID,
            RATE.RATE_ID, RATE.PRICE_LIST, RATE.DIRECTION, RATE.PREFIX, RATE.DESTINATION, RATE.RATE_PER_MINUTE,
            RATE.CURRENCY, RATE.FIRST_INCREMENT_S, RATE.NEXT_INCREMENT_S, RATE.CONNECT_FEE, RATE.EFFECTIVE_FROM,
            RATE.EFFECTIVE_TO),
            (row, versionId, lineNo) -> new Object[] {versionId, lineNo, row.priceList(), row.direction().name(),
                    row.prefix(), row.destination(), row.ratePerMinute(), row.currency(), row.firstIncrementS(),
                    row.nextIncrementS(), row.connectFee(), row.effective().from(), row.effective().to()});

    static final RateTableColumns<ChannelPlanRow> CHANNEL_PLANS = new RateTableColumns<ChannelPlanRow>(
            CHANNEL_PLAN_RATE, List.of(CHANNEL_PLAN_RATE.VERSION_ID, CHANNEL_PLAN_RATE.ROW_ID,
            CHANNEL_PLAN_RATE.PRICE_LIST, CHANNEL_PLAN_RATE.PLAN, CHANNEL_PLAN_RATE.PRICE_PER_CHANNEL_MONTH,
            CHANNEL_PLAN_RATE.CURRENCY, CHANNEL_PLAN_RATE.FAIR_USE_MINUTES_PER_CHANNEL,
            CHANNEL_PLAN_RATE.OVERAGE_RATE_PER_MINUTE, CHANNEL_PLAN_RATE.EFFECTIVE_FROM,
            CHANNEL_PLAN_RATE.EFFECTIVE_TO),
            (row, versionId, lineNo) -> new Object[] {versionId, lineNo, row.priceList(), row.plan().name(),
                    row.pricePerChannelMonth(), row.currency(), row.fairUseMinutesPerChannel(),
                    row.overageRatePerMinute(), row.effective().from(), row.effective().to()});

    static final RateTableColumns<TaxRow> TAX_RATES = new RateTableColumns<TaxRow>(TAX_RATE, List.of(
            TAX_RATE.VERSION_ID, TAX_RATE.ROW_ID, TAX_RATE.TAX_CODE, TAX_RATE.TAX_NAME, TAX_RATE.COUNTRY,
            TAX_RATE.STATE, TAX_RATE.COUNTY, TAX_RATE.CITY, TAX_RATE.BASIS, TAX_RATE.RATE, TAX_RATE.CURRENCY,
            TAX_RATE.APPLIES_TO, TAX_RATE.BASE_FRACTION, TAX_RATE.REVERSE_CHARGE_B2B, TAX_RATE.EFFECTIVE_FROM,
            TAX_RATE.EFFECTIVE_TO),
            (row, versionId, lineNo) -> new Object[] {versionId, lineNo, row.taxCode(), row.taxName(),
                    row.country(), row.state(), row.county(), row.city(), row.basis().name(), row.rate(),
                    row.currency(), row.appliesTo().name(), row.baseFraction(), row.reverseChargeB2b(),
                    row.effective().from(), row.effective().to()});

    static final RateTableColumns<FxRow> FX_RATES = new RateTableColumns<FxRow>(FX_RATE, List.of(
            FX_RATE.VERSION_ID, FX_RATE.ROW_ID, FX_RATE.RATE_DATE, FX_RATE.BASE, FX_RATE.QUOTE, FX_RATE.RATE),
            (row, versionId, lineNo) -> new Object[] {versionId, lineNo, row.date(), row.base(), row.quote(),
                    row.rate()});
}
