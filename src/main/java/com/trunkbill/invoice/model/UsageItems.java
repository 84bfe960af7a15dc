package com.trunkbill.invoice.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * USAGE lines, one per trunk, category, destination text and rate currency (SPEC §5.1, §9 "Invoice lines"): the
 * exact sum of the unrounded CDR costs, converted and rounded once. Quantity = billed minutes half-up to 2
 * decimals, unit {@code min}, unit price = the per-minute rate when the line has one rate. US_UNLIMITED lines
 * (cost 0) are shown too: they are the minutes the fair-use allowance is measured against.
 */
public final class UsageItems {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public Items generate(InvoiceInput input, LinePricing pricing) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<UsageTotal> usage = input.usage().stream()
                .sorted(Comparator.comparing(UsageTotal::trunkId)
                        .thenComparing(UsageTotal::category, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(UsageTotal::destination, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(UsageTotal::currency, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        for (UsageTotal total : usage) {
            LinePricing.Priced priced = pricing.price(total.cost(), total.currency());
            lines.add(new InvoiceLine(LineKind.USAGE, total.trunkId(), input.trunkName(total.trunkId()),
                    total.category(), total.destination(), billedMinutes(total.billedSeconds()), "min",
                    total.ratePerMinute(), priced.amount(), null, null, priced.fxNote(), null, null));
        }
        return new Items(lines, Set.of());
    }

    /** SPEC §9 "Display": billed seconds / 60, half-up to 2 decimals. */
    public static BigDecimal billedMinutes(long billedSeconds) {
        return BigDecimal.valueOf(billedSeconds).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }
}
