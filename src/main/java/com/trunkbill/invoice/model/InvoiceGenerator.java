package com.trunkbill.invoice.model;

import com.trunkbill.tax.model.TaxItems;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes one account's invoice for a period from its item generators (Kill Bill's DefaultInvoiceGenerator):
 * channel fees, usage and fair-use overage per trunk, then taxes on them per service address (SPEC §5).
 * An account with no trunk existing in the period and no usage gets no invoice (SPEC §9).
 * Lines are ordered per trunk (channel fee, fair-use overage, usage by category and destination), then taxes.
 */
public final class InvoiceGenerator {

    private final ChannelFeeItems channelFees = new ChannelFeeItems();
    private final UsageItems usage = new UsageItems();
    private final FairUseItems fairUse = new FairUseItems();
    private final TaxItems taxes = new TaxItems();

    public Optional<Invoice> generate(InvoiceInput input) {
        if (input.trunksExistingInPeriod().isEmpty() && input.usage().isEmpty()) {
            return Optional.empty();
        }
        String currency = input.account().currency().trim().toUpperCase();
        LinePricing pricing = new LinePricing(currency, input.period().lastDay(), input.fx());
        Set<String> holds = new TreeSet<>();
        List<InvoiceLine> charges = new ArrayList<>();
        for (Items items : List.of(channelFees.generate(input, pricing), fairUse.generate(input, pricing),
                usage.generate(input, pricing))) {
            charges.addAll(items.lines());
            holds.addAll(items.holdReasons());
        }
        charges.sort(Comparator.comparing(InvoiceLine::trunkId).thenComparingInt(InvoiceGenerator::rankInTrunk));
        Items taxItems = taxes.generate(input, charges, pricing);
        holds.addAll(taxItems.holdReasons());
        holds.addAll(pricing.holdReasons());
        List<InvoiceLine> lines = new ArrayList<>(charges);
        lines.addAll(taxItems.lines());
        String invoiceId = Invoice.invoiceId(input.account().accountId(), input.period().compact());
        return Optional.of(Invoice.unnumbered(invoiceId, input.account().accountId(), input.period().toString(),
                currency, holds.isEmpty() ? null : String.join("; ", holds), null, lines));
    }

    /** Within a trunk: the channel fee, then the fair-use overage, then usage (already sorted by destination). */
    private static int rankInTrunk(InvoiceLine line) {
        return switch (line.kind()) {
            case CHANNEL_FEE -> 0;
            case FAIR_USE_OVERAGE -> 1;
            default -> 2;
        };
    }
}
