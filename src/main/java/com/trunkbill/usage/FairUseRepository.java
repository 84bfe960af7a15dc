package com.trunkbill.usage;

import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.invoice.model.FairUse;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.usage.model.FairUsePolicy;
import com.trunkbill.usage.model.FairUseRow;
import com.trunkbill.usage.model.TrafficProfile;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.RATED_CDR;

/**
 * The rows of {@code fair-use.csv} (SPEC §7, §9 "Fair use"): every trunk on UNLIMITED_US on at least one
 * day of the period, with its allowance, US_UNLIMITED minutes and overage, and the policy signals of its
 * answered traffic (thresholds {@code trunkbill.fair-use.*}). The allowance and overage are invoicing's
 * {@link FairUse} (the same figures as the FAIR_USE_OVERAGE line); two aggregate queries over the current
 * RATED ratings of the period, grouped by trunk, give the minutes used and the traffic profile.
 */
@Repository
public class FairUseRepository {

    private final DSLContext db;
    private final InventoryRepository inventory;
    private final RateTableRepository rateTables;
    private final FairUsePolicy policy;

    public FairUseRepository(DSLContext db, InventoryRepository inventory, RateTableRepository rateTables,
                             @Value("${trunkbill.fair-use.short-call-seconds:6}") int shortCallSeconds,
                             @Value("${trunkbill.fair-use.max-short-call-share:0.30}") BigDecimal maxShortCallShare,
                             @Value("${trunkbill.fair-use.long-call-seconds:14400}") long longCallSeconds,
                             @Value("${trunkbill.fair-use.max-long-calls:0}") long maxLongCalls,
                             @Value("${trunkbill.fair-use.max-outbound-share:0.95}") BigDecimal maxOutboundShare) {
        this.db = db;
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
        Map<String, Long> usUnlimitedSeconds = usUnlimitedBilledSeconds(period);
        Map<String, TrafficProfile> traffic = trafficProfiles(period);
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

    private Map<String, Long> usUnlimitedBilledSeconds(BillingPeriod period) {
        Map<String, Long> seconds = new HashMap<>();
        db.select(RATED_CDR.TRUNK_ID, DSL.sum(RATED_CDR.BILLED_S))
                .from(RATED_CDR)
                .where(currentRated(period)).and(RATED_CDR.CATEGORY.eq("US_UNLIMITED"))
                .groupBy(RATED_CDR.TRUNK_ID)
                .forEach(r -> seconds.put(r.value1(), r.value2().longValueExact()));
        return seconds;
    }

    /** Answered (billable) traffic of every trunk, whatever its category. */
    private Map<String, TrafficProfile> trafficProfiles(BillingPeriod period) {
        Field<Long> answered = DSL.count().cast(SQLDataType.BIGINT);
        Field<Long> shortCalls = countWhere(RATED_CDR.DURATION_S.lt((long) policy.shortCallSeconds()));
        Field<Long> longest = DSL.max(RATED_CDR.DURATION_S);
        Field<Long> longCalls = countWhere(RATED_CDR.DURATION_S.gt(policy.longCallSeconds()));
        Field<Long> outboundSeconds = DSL.sum(DSL.when(RATED_CDR.DIRECTION.eq("OUTBOUND"), RATED_CDR.DURATION_S)
                .otherwise(DSL.inline(0L))).cast(SQLDataType.BIGINT);
        Field<Long> totalSeconds = DSL.sum(RATED_CDR.DURATION_S).cast(SQLDataType.BIGINT);
        Map<String, TrafficProfile> profiles = new HashMap<>();
        db.select(RATED_CDR.TRUNK_ID, answered, shortCalls, longest, longCalls, outboundSeconds, totalSeconds)
                .from(RATED_CDR)
                .where(currentRated(period)).and(RATED_CDR.BILLABLE.isTrue())
                .groupBy(RATED_CDR.TRUNK_ID)
                .forEach(r -> profiles.put(r.value1(), new TrafficProfile(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7())));
        return profiles;
    }

    private static Condition currentRated(BillingPeriod period) {
        return RATED_CDR.PERIOD.eq(period.toString()).and(RATED_CDR.IS_CURRENT.isTrue())
                .and(RATED_CDR.STATUS.eq("RATED"));
    }

    private static Field<Long> countWhere(Condition condition) {
        return DSL.sum(DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0))).cast(SQLDataType.BIGINT);
    }
}
