package com.trunkbill.usage;

import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.invoice.model.FairUse;
import com.trunkbill.rating.RatedUsage;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.usage.model.FairUsePolicy;
import com.trunkbill.usage.model.FairUseRow;
import com.trunkbill.usage.model.TrafficProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of {@code fair-use.csv} (SPEC §7, §9 "Fair use"): every trunk on UNLIMITED_US on at least one
 * day of the period, with its allowance, US_UNLIMITED minutes and overage, and the policy signals of its
 * answered traffic (thresholds {@code trunkbill.fair-use.*}). The allowance and overage are invoicing's
 * {@link FairUse} (the same figures as the FAIR_USE_OVERAGE line); one aggregate query of {@link RatedUsage} over the
 * rated usage of the period, grouped by trunk, gives the minutes used and the traffic profile.
 */
@Repository
public class FairUseRepository {

    private final RatedUsage ratedUsage;
    private final InventoryRepository inventory;
    private final RateTableRepository rateTables;
    private final FairUsePolicy policy;

    public FairUseRepository(RatedUsage ratedUsage, InventoryRepository inventory, RateTableRepository rateTables,
                             @Value("${trunkbill.fair-use.short-call-seconds:6}") int shortCallSeconds,
                             @Value("${trunkbill.fair-use.max-short-call-share:0.30}") BigDecimal maxShortCallShare,
                             @Value("${trunkbill.fair-use.long-call-seconds:14400}") long longCallSeconds,
                             @Value("${trunkbill.fair-use.max-long-calls:0}") long maxLongCalls,
                             @Value("${trunkbill.fair-use.max-outbound-share:0.95}") BigDecimal maxOutboundShare) {
        this.ratedUsage = ratedUsage;
        this.inventory = inventory;
        this.rateTables = rateTables;
        this.policy = new FairUsePolicy(shortCallSeconds, maxShortCallShare, longCallSeconds, maxLongCalls,
                maxOutboundShare);
    }

    public FairUsePolicy policy() {
        return policy;
    }

    /** One row per UNLIMITED_US trunk of the period, ordered by trunk id. */
    public List<FairUseRow> fairUse(BillingPeriod period) {
        Map<String, Account> accounts = inventory.accounts();
        List<ChannelPlanRow> plans = rateTables.activeChannelPlans();
        RatedUsage.FairUseUsage usage = ratedUsage.fairUseUsage(period, policy.shortCallSeconds(),
                policy.longCallSeconds());
        Map<String, Long> usUnlimitedSeconds = usage.usUnlimitedSeconds();
        Map<String, TrafficProfile> traffic = trafficProfiles(usage.answeredTraffic());
        List<FairUseRow> rows = new ArrayList<>();
        for (TrunkTimeline trunk : inventory.trunkTimelines().values()) {
            Account account = accounts.get(trunk.accountId());
            if (account == null) {
                throw new IllegalStateException("trunk " + trunk.trunkId() + ": account " + trunk.accountId()
                        + " is not in the inventory");
            }
            Optional<FairUse.Result> figures = FairUse.compute(trunk, plans, account.priceList(),
                    period, usUnlimitedSeconds.getOrDefault(trunk.trunkId(), 0L));
            if (figures.isEmpty()) {
                continue;
            }
            FairUse.Result f = figures.get();
            TrafficProfile profile = traffic.getOrDefault(trunk.trunkId(), TrafficProfile.NONE);
            rows.add(new FairUseRow(trunk.trunkId(), trunk.name(), trunk.accountId(), f.allowanceMinutes(),
                    f.usedMinutes(), f.overageMinutes(), f.overageRate(), f.currency(), profile,
                    profile.flags(policy, f.overageMinutes())));
        }
        return rows;
    }

    /** Answered (billable) traffic of every trunk, whatever its category. */
    private static Map<String, TrafficProfile> trafficProfiles(Map<String, RatedUsage.AnsweredTraffic> answered) {
        Map<String, TrafficProfile> profiles = new HashMap<>();
        answered.forEach((trunkId, t) -> profiles.put(trunkId, new TrafficProfile(t.calls(), t.shortCalls(),
                        t.longestSeconds(), t.longCalls(), t.outboundSeconds(), t.totalSeconds())));
        return profiles;
    }
}
