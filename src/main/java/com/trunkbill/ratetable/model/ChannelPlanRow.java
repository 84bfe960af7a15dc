package com.trunkbill.ratetable.model;

import com.trunkbill.inventory.model.ChannelPlan;

import java.math.BigDecimal;

/**
 * One row of {@code channel-plans.csv} (SPEC §3.2). The fair-use columns apply to UNLIMITED_US only and are
 * null for METERED.
 */
public record ChannelPlanRow(long versionId, long rowId, String priceList, ChannelPlan plan,
                             BigDecimal pricePerChannelMonth, String currency, BigDecimal fairUseMinutesPerChannel,
                             BigDecimal overageRatePerMinute, EffectiveDates effective) {
}
