package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.support.BillingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The days of a period a trunk existed on, with its channel count and plan of each day (SPEC §9 "Existence and
 * history": a day counts in full when the trunk existed at any instant of it; its channel count is the largest
 * in effect that day, its plan the one in effect at the end of the day).
 */
public final class ChannelDays {

    private ChannelDays() {
    }

    /** One UTC day of a trunk's existence. */
    public record TrunkDay(LocalDate day, int channels, ChannelPlan plan) {
    }

    public static List<TrunkDay> daysOf(TrunkTimeline trunk, BillingPeriod period) {
        List<TrunkDay> days = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            Optional<Integer> channels = trunk.channelsOn(day);
            if (channels.isPresent()) {
                days.add(new TrunkDay(day, channels.get(), trunk.planOn(day).orElseThrow()));
            }
        }
        return days;
    }

    /** SPEC §5.1 {@code channel_days}: the sum over the days the trunk existed of that day's channel count. */
    public static long channelDays(TrunkTimeline trunk, BillingPeriod period) {
        return daysOf(trunk, period).stream().mapToLong(TrunkDay::channels).sum();
    }

    public static boolean existedIn(TrunkTimeline trunk, BillingPeriod period) {
        return trunk.existsDuring(period.start(), period.end());
    }

    /** The channel-plan row of a price list and plan effective on a day (rows of one plan must not overlap). */
    public static Optional<ChannelPlanRow> planRow(List<ChannelPlanRow> rows, String priceList, ChannelPlan plan,
                                                   LocalDate day) {
        return rows.stream()
                .filter(row -> row.priceList().equals(priceList) && row.plan() == plan && row.effective().covers(day))
                .findFirst();
    }
}
