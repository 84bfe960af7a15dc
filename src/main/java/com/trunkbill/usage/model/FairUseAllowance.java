package com.trunkbill.usage.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.support.BillingPeriod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The fair-use figures of an UNLIMITED_US trunk in a period (SPEC §5.1, §9 "Fair use"):
 * <ul>
 *   <li>used minutes = the billed seconds of the trunk's US_UNLIMITED CDRs / 60;</li>
 *   <li>allowance = sum over the days the trunk was on UNLIMITED_US of
 *       {@code fair_use_minutes_per_channel (that day's plan row) * channels that day / days_in_period};</li>
 *   <li>overage minutes = max(0, used - allowance); none of them rounded (34 significant digits);</li>
 *   <li>the overage rate and its currency are those of the plan row of the last UNLIMITED_US day.</li>
 * </ul>
 * A day without a plan row for the account's price list adds no allowance.
 * <p>
 * Written for the fair-use report while invoicing's {@code com.trunkbill.invoice.model.FairUse} (same rule,
 * same signature) was on another branch: at integration one of the two replaces the other.
 */
public final class FairUseAllowance {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private FairUseAllowance() {
    }

    /** Unrounded figures; {@code currency} null when the last UNLIMITED_US day has no plan row. */
    public record Result(String trunkId, BigDecimal allowanceMinutes, BigDecimal usedMinutes,
                         BigDecimal overageMinutes, BigDecimal overageRate, String currency) {
    }

    /** The figures of a trunk, or empty when it was on UNLIMITED_US on no day of the period. */
    public static Optional<Result> compute(TrunkTimeline trunk, List<ChannelPlanRow> plans, String priceList,
                                           BillingPeriod period, long usUnlimitedBilledSeconds) {
        BigDecimal minuteChannelDays = BigDecimal.ZERO;
        boolean onUnlimited = false;
        ChannelPlanRow lastRow = null;
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            if (trunk.planOn(day).orElse(null) != ChannelPlan.UNLIMITED_US) {
                continue;
            }
            onUnlimited = true;
            int channels = trunk.channelsOn(day).orElseThrow();
            lastRow = planRow(plans, priceList, day).orElse(null);
            if (lastRow != null && lastRow.fairUseMinutesPerChannel() != null) {
                minuteChannelDays = minuteChannelDays.add(
                        lastRow.fairUseMinutesPerChannel().multiply(BigDecimal.valueOf(channels)));
            }
        }
        if (!onUnlimited) {
            return Optional.empty();
        }
        BigDecimal allowance = minuteChannelDays.divide(BigDecimal.valueOf(period.days()), MathContext.DECIMAL128);
        BigDecimal used = BigDecimal.valueOf(usUnlimitedBilledSeconds).divide(SIXTY, MathContext.DECIMAL128);
        BigDecimal overage = used.subtract(allowance).max(BigDecimal.ZERO);
        BigDecimal rate = lastRow == null || lastRow.overageRatePerMinute() == null
                ? BigDecimal.ZERO : lastRow.overageRatePerMinute();
        return Optional.of(new Result(trunk.trunkId(), allowance, used, overage, rate,
                lastRow == null ? null : lastRow.currency()));
    }

    private static Optional<ChannelPlanRow> planRow(List<ChannelPlanRow> plans, String priceList, LocalDate day) {
        return plans.stream()
                .filter(row -> row.plan() == ChannelPlan.UNLIMITED_US && row.priceList().equals(priceList)
                        && row.effective().covers(day))
                .findFirst();
    }
}
