package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.TrunkTimeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FAIR_USE_OVERAGE lines, one per UNLIMITED_US trunk over its allowance (SPEC §5.1, §9 "Fair use", computed by
 * {@link FairUse}): amount = unrounded overage minutes * overage rate, converted and rounded once. Quantity = the
 * overage minutes half-up to 2 decimals (display only), unit price = the overage rate.
 */
public final class FairUseItems {

    public Items generate(InvoiceInput input, LinePricing pricing) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (TrunkTimeline trunk : input.trunksExistingInPeriod()) {
            long usUnlimitedSeconds = input.usage().stream()
                    .filter(total -> total.trunkId().equals(trunk.trunkId()) && total.isUsUnlimited())
                    .mapToLong(UsageTotal::billedSeconds).sum();
            Optional<FairUse.Result> fairUse = FairUse.compute(trunk, input.channelPlans(),
                    input.account().priceList(), input.period(), usUnlimitedSeconds);
            if (fairUse.isEmpty() || !fairUse.get().hasOverage()) {
                continue;
            }
            FairUse.Result result = fairUse.get();
            LinePricing.Priced priced = pricing.price(result.overageAmount(), result.currency());
            String note = "allowance " + twoDecimals(result.allowanceMinutes()) + " min, used "
                    + twoDecimals(result.usedMinutes()) + " min" + (priced.fxNote() == null ? "" : "; " + priced.fxNote());
            lines.add(new InvoiceLine(LineKind.FAIR_USE_OVERAGE, trunk.trunkId(), trunk.name(), null, null,
                    twoDecimals(result.overageMinutes()), "min", result.overageRate(), priced.amount(), null, null,
                    note, null, null));
        }
        return new Items(lines, Set.of());
    }

    private static BigDecimal twoDecimals(BigDecimal minutes) {
        return minutes.setScale(2, RoundingMode.HALF_UP);
    }
}
