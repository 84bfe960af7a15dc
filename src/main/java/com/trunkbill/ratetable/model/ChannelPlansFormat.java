package com.trunkbill.ratetable.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.ratetable.model.RowFields.Range;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code channel-plans.csv} (SPEC §3.2). The fair-use columns are required on {@code UNLIMITED_US} rows
 * (invoicing needs both) and ignored on {@code METERED} rows, where they mean nothing (SPEC: "apply to
 * UNLIMITED_US only").
 * Rows of one {@code price_list, plan} must not overlap in time.
 */
public final class ChannelPlansFormat implements RateTableFormat<ChannelPlanRow> {

    private static final List<String> COLUMNS = List.of("price_list", "plan", "price_per_channel_month",
            "currency", "fair_use_minutes_per_channel", "overage_rate_per_minute", "effective_from",
            "effective_to");
    private static final List<String> REQUIRED = List.of("price_list", "plan", "price_per_channel_month",
            "currency");
    private static final Layout LAYOUT = new Layout(RateTable.CHANNEL_PLANS, COLUMNS, REQUIRED);

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public ChannelPlanRow parse(long versionId, RowFields fields) {
        String priceList = fields.text("price_list", 64);
        ChannelPlan plan = fields.enumValue("plan", ChannelPlan.class);
        BigDecimal price = fields.decimal("price_per_channel_month", Range.NON_NEGATIVE);
        String currency = fields.currency("currency", true);
        BigDecimal fairUseMinutes = null;
        BigDecimal overageRate = null;
        if (plan == ChannelPlan.UNLIMITED_US) {
            fairUseMinutes = fields.decimal("fair_use_minutes_per_channel",
                    Range.NON_NEGATIVE);
            overageRate = fields.decimal("overage_rate_per_minute", Range.NON_NEGATIVE);
        }
        // METERED: SPEC §3.2 says the fair-use columns apply to UNLIMITED_US only, so values there are ignored
        // (not stored), never a reason to refuse the price list.
        EffectiveDates effective = fields.effectiveDates();
        if (!fields.valid()) {
            return null;
        }
        return new ChannelPlanRow(versionId, fields.lineNo(), priceList, plan, price, currency, fairUseMinutes,
                overageRate, effective);
    }

    @Override
    public OverlapCheck.Entry overlapEntry(ChannelPlanRow row, long lineNo) {
        return OverlapCheck.Entry.of(row.priceList() + " " + row.plan(), row.effective(), lineNo);
    }
}
