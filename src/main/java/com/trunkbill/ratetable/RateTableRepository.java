package com.trunkbill.ratetable;

import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.FxRow;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.ratetable.model.RateTable;
import com.trunkbill.ratetable.model.TaxAppliesTo;
import com.trunkbill.ratetable.model.TaxBasis;
import com.trunkbill.ratetable.model.TaxRow;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.RATE;
import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;
import static com.trunkbill.db.jooq.Tables.TAX_RATE;
import static org.jooq.impl.DSL.max;

/**
 * Reads the active version of each rate table (the highest version_id imported for it, SPEC §3.2).
 * An empty list means the table was never imported.
 */
@Repository
public class RateTableRepository {

    private final DSLContext db;

    public RateTableRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<Long> activeVersion(RateTable table) {
        return Optional.ofNullable(db.select(max(RATE_TABLE_VERSION.VERSION_ID))
                .from(RATE_TABLE_VERSION)
                .where(RATE_TABLE_VERSION.TABLE_NAME.eq(table.name()))
                .fetchOne(0, Long.class));
    }

    public List<RateRow> activeRates() {
        return activeVersion(RateTable.RATES).map(this::rates).orElse(List.of());
    }

    public List<RateRow> rates(long versionId) {
        return db.selectFrom(RATE).where(RATE.VERSION_ID.eq(versionId)).orderBy(RATE.RATE_ID).fetch(r ->
                new RateRow(r.getVersionId(), r.getRateId(), r.getPriceList(), Direction.valueOf(r.getDirection()),
                        r.getPrefix(), r.getDestination(), r.getRatePerMinute(), r.getCurrency(),
                        r.getFirstIncrementS(), r.getNextIncrementS(), r.getConnectFee(),
                        new EffectiveDates(r.getEffectiveFrom(), r.getEffectiveTo())));
    }

    public List<ChannelPlanRow> activeChannelPlans() {
        return activeVersion(RateTable.CHANNEL_PLANS).map(version -> db.selectFrom(CHANNEL_PLAN_RATE)
                .where(CHANNEL_PLAN_RATE.VERSION_ID.eq(version))
                .orderBy(CHANNEL_PLAN_RATE.ROW_ID)
                .fetch(r -> new ChannelPlanRow(r.getVersionId(), r.getRowId(), r.getPriceList(),
                        ChannelPlan.valueOf(r.getPlan()), r.getPricePerChannelMonth(), r.getCurrency(),
                        r.getFairUseMinutesPerChannel(), r.getOverageRatePerMinute(),
                        new EffectiveDates(r.getEffectiveFrom(), r.getEffectiveTo())))).orElse(List.of());
    }

    public List<TaxRow> activeTaxRates() {
        return activeVersion(RateTable.TAX_RATES).map(version -> db.selectFrom(TAX_RATE)
                .where(TAX_RATE.VERSION_ID.eq(version))
                .orderBy(TAX_RATE.ROW_ID)
                .fetch(r -> new TaxRow(r.getVersionId(), r.getRowId(), r.getTaxCode(), r.getTaxName(),
                        r.getCountry(), r.getState(), r.getCounty(), r.getCity(), TaxBasis.valueOf(r.getBasis()),
                        r.getRate(), r.getCurrency(), TaxAppliesTo.valueOf(r.getAppliesTo()), r.getBaseFraction(),
                        r.getReverseChargeB2b(), new EffectiveDates(r.getEffectiveFrom(), r.getEffectiveTo()))))
                .orElse(List.of());
    }

    public List<FxRow> activeFxRates() {
        return activeVersion(RateTable.FX_RATES).map(version -> db.selectFrom(FX_RATE)
                .where(FX_RATE.VERSION_ID.eq(version))
                .orderBy(FX_RATE.ROW_ID)
                .fetch(r -> new FxRow(r.getRateDate(), r.getBase(), r.getQuote(), r.getRate())))
                .orElse(List.of());
    }
}
