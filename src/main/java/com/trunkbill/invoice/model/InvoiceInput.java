package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.TaxRow;
import com.trunkbill.support.BillingPeriod;

import java.util.List;
import java.util.Map;

/**
 * Everything one account's invoice for a period is computed from.
 *
 * @param trunks        every trunk of the account (those that did not exist in the period are ignored)
 * @param addresses     service addresses by id
 * @param usage         the account's current ratings of the period, summed per usage line
 * @param sellerCountry ISO country of the seller, for VAT reverse charge (SPEC §5.3)
 */
public record InvoiceInput(Account account, BillingPeriod period, List<TrunkTimeline> trunks,
                           Map<String, ServiceAddress> addresses, List<ChannelPlanRow> channelPlans,
                           List<TaxRow> taxRows, FxRateProvider fx, List<UsageTotal> usage, String sellerCountry) {

    public InvoiceInput {
        trunks = List.copyOf(trunks);
        addresses = Map.copyOf(addresses);
        channelPlans = List.copyOf(channelPlans);
        taxRows = List.copyOf(taxRows);
        usage = List.copyOf(usage);
    }

    /** The trunks that existed on at least one UTC day of the period. */
    public List<TrunkTimeline> trunksExistingInPeriod() {
        return trunks.stream().filter(trunk -> ChannelDays.existedIn(trunk, period)).toList();
    }

    public String trunkName(String trunkId) {
        return trunks.stream().filter(trunk -> trunk.trunkId().equals(trunkId)).map(TrunkTimeline::name)
                .findFirst().orElse(trunkId);
    }
}
