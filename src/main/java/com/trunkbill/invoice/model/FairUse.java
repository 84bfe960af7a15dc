package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.support.BillingPeriod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

/**
 * The fair-use figures of an UNLIMITED_US trunk in a period (SPEC §5.1, §9 "Fair use"), shared by invoicing
 * (FAIR_USE_OVERAGE lines) and the fair-use report:
 * <ul>
 *   <li>used minutes = the billed seconds of the trunk's US_UNLIMITED CDRs / 60;</li>
 *   <li>allowance = sum over the days the trunk was on UNLIMITED_US of
 *       {@code fair_use_minutes_per_channel (that day's plan row) * channels that day / days_in_period};</li>
 *   <li>overage minutes = max(0, used - allowance); none of these is rounded (34 significant digits);</li>
 *   <li>the overage rate (and its currency) is that of the plan row of the last UNLIMITED_US day.</li>
 * </ul>
 * A day on UNLIMITED_US without a plan row for the price list adds no allowance (the channel fee puts the invoice
 * on hold for it); a row without fair-use minutes or overage rate counts them as 0.
 */
public final class FairUse {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private FairUse() {
    }

    /**
     * @param allowanceMinutes unrounded allowance
     * @param usedMinutes      US_UNLIMITED billed minutes, unrounded
     * @param overageMinutes   max(0, used - allowance), unrounded
     * @param overageRate      per-minute overage rate of the last UNLIMITED_US day (0 when it has no row)
     * @param currency         currency of that rate (null when the last UNLIMITED_US day has no row)
     */
    public record Result(String trunkId, BigDecimal allowanceMinutes, BigDecimal usedMinutes,
                         BigDecimal overageMinutes, BigDecimal overageRate, String currency) {

        /** The overage charge, unrounded, in {@link #currency()}. */
        public BigDecimal overageAmount() {
            return overageMinutes.multiply(overageRate);
        }

        public boolean hasOverage() {
            return overageMinutes.signum() > 0;
        }
    }

    /**
     * The figures of a trunk, or empty when it was on UNLIMITED_US on no day of the period.
     *
     * @param usUnlimitedBilledSeconds billed seconds of the trunk's current US_UNLIMITED ratings in the period
     */
    public static Optional<Result> compute(TrunkTimeline trunk, List<ChannelPlanRow> plans, String priceList,
                                           BillingPeriod period, long usUnlimitedBilledSeconds) {
        BigDecimal minuteChannelDays = BigDecimal.ZERO;
        boolean onUnlimited = false;
        ChannelPlanRow lastRow = null;
        for (ChannelDays.TrunkDay day : ChannelDays.daysOf(trunk, period)) {
            if (day.plan() != ChannelPlan.UNLIMITED_US) {
                continue;
            }
            onUnlimited = true;
            Optional<ChannelPlanRow> row = ChannelDays.planRow(plans, priceList, ChannelPlan.UNLIMITED_US, day.day());
            lastRow = row.orElse(null);
            if (row.isPresent() && row.get().fairUseMinutesPerChannel() != null) {
                minuteChannelDays = minuteChannelDays.add(
                        row.get().fairUseMinutesPerChannel().multiply(BigDecimal.valueOf(day.channels())));
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
}
