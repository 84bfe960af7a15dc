package com.trunkbill.tax.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.invoice.model.ChannelDays;
import com.trunkbill.invoice.model.InvoiceInput;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.Items;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.invoice.model.LinePricing;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.ratetable.model.TaxAppliesTo;
import com.trunkbill.ratetable.model.TaxRow;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * TAX lines (SPEC §5.3, §9 "Tax"): one per (tax group, tax row effective on the period's last day that applies to
 * the group). A tax group is the account's trunks at one service address (the PPU: never the data center, never the
 * billing address); the no-address trunks of a non-US account form one more group taxed by the rows whose only
 * location field is the account's country. A MISSING_PPU trunk (or a US account's trunk without address) is not
 * taxed and puts the invoice ON_HOLD.
 * <ul>
 *   <li>PERCENT: {@code rate * base_fraction * base}, base = the sum of the group's rounded (converted) lines:
 *       USAGE + FAIR_USE_OVERAGE for {@code USAGE}, CHANNEL_FEE for {@code CHANNEL_FEES}, both for {@code ALL};</li>
 *   <li>PER_CHANNEL_MONTH: {@code sum over the group's trunks of rate * channel_days / days_in_period};</li>
 *   <li>PER_TRUNK_MONTH: the full {@code rate} per trunk that existed on any day of the period;</li>
 *   <li>PER_* amounts are converted from the row's currency; every tax line is rounded once;</li>
 *   <li>reverse charge (a {@code reverse_charge_b2b} row, an account with a vat_id in another country than the
 *       seller): the line is 0 with the note {@code reverse charge}, whatever the basis.</li>
 * </ul>
 * The base is kept on every line ({@code taxBase}) for the tax summary.
 */
public final class TaxItems {

    public static final String REVERSE_CHARGE = "reverse charge";
    private static final String NO_ADDRESS = "";

    public Items generate(InvoiceInput input, List<InvoiceLine> chargeLines, LinePricing pricing) {
        Account account = input.account();
        Set<String> holds = new TreeSet<>();
        Map<String, List<TrunkTimeline>> groups = new TreeMap<>((a, b) -> a.isEmpty() || b.isEmpty()
                ? Boolean.compare(a.isEmpty(), b.isEmpty()) : a.compareTo(b));
        for (TrunkTimeline trunk : billedTrunks(input, chargeLines)) {
            String addressId = trunk.serviceAddressId();
            if (trunk.missingPpu() || (addressId == null && "US".equalsIgnoreCase(account.country()))) {
                holds.add("trunk " + trunk.trunkId() + " has no service address (MISSING_PPU): not taxed");
                continue;
            }
            if (addressId != null && !input.addresses().containsKey(addressId)) {
                throw new IllegalStateException("trunk " + trunk.trunkId() + ": service address " + addressId
                        + " is not stored");
            }
            groups.computeIfAbsent(addressId == null ? NO_ADDRESS : addressId, id -> new ArrayList<>()).add(trunk);
        }
        LocalDate lastDay = input.period().lastDay();
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map.Entry<String, List<TrunkTimeline>> group : groups.entrySet()) {
            ServiceAddress address = group.getKey().isEmpty() ? null : input.addresses().get(group.getKey());
            String jurisdiction = address == null ? account.country().trim().toUpperCase() : address.jurisdiction();
            for (TaxRow row : input.taxRows()) {
                boolean applies = row.effective().covers(lastDay) && (address == null
                        ? TaxRowMatcher.appliesToCountryOnly(row, account.country())
                        : TaxRowMatcher.appliesTo(row, address));
                if (applies) {
                    lines.add(taxLine(input, row, group.getValue(), jurisdiction, chargeLines, pricing));
                }
            }
        }
        return new Items(lines, holds);
    }

    /** The trunks the invoice charges: those that existed in the period, and any other with usage lines. */
    private static List<TrunkTimeline> billedTrunks(InvoiceInput input, List<InvoiceLine> chargeLines) {
        Set<String> charged = new LinkedHashSet<>();
        chargeLines.forEach(line -> charged.add(line.trunkId()));
        return input.trunks().stream()
                .filter(trunk -> ChannelDays.existedIn(trunk, input.period()) || charged.contains(trunk.trunkId()))
                .toList();
    }

    private InvoiceLine taxLine(InvoiceInput input, TaxRow row, List<TrunkTimeline> trunks, String jurisdiction,
                                List<InvoiceLine> chargeLines, LinePricing pricing) {
        MonetaryAmount base = base(row.appliesTo(), trunks, chargeLines, pricing.zero());
        boolean reverseCharge = row.reverseChargeB2b() && input.account().hasVatId()
                && !input.account().country().trim().equalsIgnoreCase(input.sellerCountry().trim());
        int days = input.period().days();
        BigDecimal quantity;
        String unit;
        BigDecimal unitPrice;
        BigDecimal unrounded;
        String currency;
        switch (row.basis()) {
            case PERCENT -> {
                BigDecimal effectiveRate = row.rate().multiply(row.baseFraction());
                quantity = null;
                unit = null;
                unitPrice = effectiveRate;
                unrounded = effectiveRate.multiply(base.getNumber().numberValue(BigDecimal.class));
                currency = pricing.invoiceCurrency();
            }
            case PER_CHANNEL_MONTH -> {
                long channelDays = trunks.stream()
                        .mapToLong(trunk -> ChannelDays.channelDays(trunk, input.period())).sum();
                quantity = BigDecimal.valueOf(channelDays);
                unit = "channel-day";
                unitPrice = null;
                unrounded = row.rate().multiply(quantity).divide(BigDecimal.valueOf(days), MathContext.DECIMAL128);
                currency = row.currency();
            }
            case PER_TRUNK_MONTH -> {
                long existing = trunks.stream().filter(trunk -> ChannelDays.existedIn(trunk, input.period())).count();
                quantity = BigDecimal.valueOf(existing);
                unit = "trunk";
                unitPrice = row.rate();
                unrounded = row.rate().multiply(quantity);
                currency = row.currency();
            }
            default -> throw new IllegalStateException("tax " + row.taxCode() + ": unknown basis " + row.basis());
        }
        if (reverseCharge) {
            // nothing to convert: the customer self-accounts the tax
            return new InvoiceLine(LineKind.TAX, null, null, null, null, quantity, unit, unitPrice, pricing.zero(),
                    row.taxCode(), jurisdiction, REVERSE_CHARGE, base, null);
        }
        LinePricing.Priced priced = pricing.price(unrounded, currency);
        String note = row.taxName() + (priced.fxNote() == null ? "" : "; " + priced.fxNote());
        return new InvoiceLine(LineKind.TAX, null, null, null, null, quantity, unit, unitPrice, priced.amount(),
                row.taxCode(), jurisdiction, note, base, null);
    }

    /** The sum of the group's rounded lines a tax is levied on (SPEC §5.3). */
    private static MonetaryAmount base(TaxAppliesTo appliesTo, List<TrunkTimeline> trunks, List<InvoiceLine> lines,
                                       MonetaryAmount zero) {
        Set<String> trunkIds = new LinkedHashSet<>();
        trunks.forEach(trunk -> trunkIds.add(trunk.trunkId()));
        MonetaryAmount base = zero;
        for (InvoiceLine line : lines) {
            if (trunkIds.contains(line.trunkId()) && isLevied(appliesTo, line.kind())) {
                base = base.add(line.amount());
            }
        }
        return Rounding.round(base);
    }

    private static boolean isLevied(TaxAppliesTo appliesTo, LineKind kind) {
        boolean usage = kind == LineKind.USAGE || kind == LineKind.FAIR_USE_OVERAGE;
        boolean fees = kind == LineKind.CHANNEL_FEE;
        return switch (appliesTo) {
            case USAGE -> usage;
            case CHANNEL_FEES -> fees;
            case ALL -> usage || fees;
        };
    }
}
