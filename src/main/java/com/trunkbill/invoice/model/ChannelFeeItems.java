package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.ChannelPlanRow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CHANNEL_FEE lines, one per trunk that existed in the period (SPEC §5.1, §9 "Invoice lines"):
 * {@code sum over the days the trunk existed of price(day's plan row) * channels(day) / days_in_period}, the plan
 * row being the account's price list and the trunk's plan at the end of that day, effective that day. Quantity =
 * channel-days. A day without a price row puts the invoice ON_HOLD (the day is left out of the amount).
 */
public final class ChannelFeeItems {

    public Items generate(InvoiceInput input, LinePricing pricing) {
        List<InvoiceLine> lines = new ArrayList<>();
        Set<String> holds = new TreeSet<>();
        BigDecimal daysInPeriod = BigDecimal.valueOf(input.period().days());
        String priceList = input.account().priceList();
        for (TrunkTimeline trunk : input.trunksExistingInPeriod()) {
            Map<String, BigDecimal> priceTimesChannels = new TreeMap<>();
            Set<String> prices = new LinkedHashSet<>();
            long channelDays = 0;
            // one hold reason per trunk and plan (not per day: hold_reason holds 2,000 characters)
            Map<ChannelPlan, List<LocalDate>> unpricedDays = new TreeMap<>();
            for (ChannelDays.TrunkDay day : ChannelDays.daysOf(trunk, input.period())) {
                channelDays += day.channels();
                Optional<ChannelPlanRow> row = ChannelDays.planRow(input.channelPlans(), priceList, day.plan(), day.day());
                if (row.isEmpty()) {
                    unpricedDays.computeIfAbsent(day.plan(), plan -> new ArrayList<>()).add(day.day());
                    continue;
                }
                priceTimesChannels.merge(row.get().currency(),
                        row.get().pricePerChannelMonth().multiply(BigDecimal.valueOf(day.channels())), BigDecimal::add);
                prices.add(day.plan() + " " + row.get().pricePerChannelMonth().stripTrailingZeros().toPlainString()
                        + " " + row.get().currency());
            }
            unpricedDays.forEach((plan, days) -> holds.add("trunk " + trunk.trunkId() + ": no channel-plan price for "
                    + priceList + " " + plan + (days.size() == 1 ? " on " + days.get(0)
                            : " on " + days.size() + " days from " + days.get(0) + " to " + days.get(days.size() - 1))));
            priceTimesChannels.replaceAll((currency, sum) -> sum.divide(daysInPeriod, MathContext.DECIMAL128));
            LinePricing.Priced priced = pricing.price(priceTimesChannels);
            String note = String.join(", ", prices) + " per channel-month x " + channelDays + " channel-days / "
                    + input.period().days() + " days" + (priced.fxNote() == null ? "" : "; " + priced.fxNote());
            lines.add(new InvoiceLine(LineKind.CHANNEL_FEE, trunk.trunkId(), trunk.name(), null, null,
                    BigDecimal.valueOf(channelDays), "channel-day", null, priced.amount(), null, null, note, null,
                    null));
        }
        return new Items(lines, holds);
    }
}
