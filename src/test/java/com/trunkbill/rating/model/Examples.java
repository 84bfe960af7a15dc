package com.trunkbill.rating.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.RateRow;
import com.trunkbill.support.BillingPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Small builders for the rating domain tests. */
final class Examples {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Account STANDARD_ACCOUNT = new Account("ACC-1", "Acme", "USD", "US", "STANDARD", null);
    private static final AtomicLong RATE_IDS = new AtomicLong();

    private Examples() {
    }

    static RateRow rate(String prefix, String perMinute, int first, int next, String connectFee) {
        return rate("STANDARD", Direction.OUTBOUND, prefix, "Dest " + prefix, perMinute, first, next, connectFee,
                EffectiveDates.ALWAYS);
    }

    static RateRow rate(String priceList, Direction direction, String prefix, String destination, String perMinute,
                        int first, int next, String connectFee, EffectiveDates effective) {
        return new RateRow(1, RATE_IDS.incrementAndGet(), priceList, direction, prefix, destination,
                new BigDecimal(perMinute), "USD", first, next, new BigDecimal(connectFee), effective);
    }

    static EffectiveDates dates(String from, String to) {
        return new EffectiveDates(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    static TrunkTimeline trunk(ChannelPlan plan) {
        return trunk(TrunkType.STATIC, CREATED, null, state(CREATED, plan, AdminStatus.ENABLED, ActionStatus.SUCCESS));
    }

    static TrunkTimeline trunk(TrunkType type, Instant created, Instant deleted, TrunkState... states) {
        return new TrunkTimeline("TRK-1", "ACC-1", "trunk one", type, DataCenter.NEW_YORK, null, created, deleted,
                false, List.of(states));
    }

    static TrunkState state(Instant from, ChannelPlan plan, AdminStatus admin, ActionStatus action) {
        return new TrunkState(from, 10, plan, admin, action);
    }

    /** An answered outbound call starting at {@code start} lasting {@code millis} ms after an instant answer. */
    static Cdr answered(String callee, String start, long millis) {
        return call(Direction.OUTBOUND, callee, Instant.parse(start), millis, 200, null);
    }

    static Cdr call(Direction direction, String callee, Instant start, long millis, int sipStatus, String reason) {
        Instant answer = sipStatus == 200 ? start : null;
        Instant end = start.plusMillis(millis);
        return new Cdr("CDR-" + callee + "-" + start, "TRK-1", "ACC-1", BillingPeriod.of(start).toString(),
                direction, callee, start, answer, end, sipStatus, reason);
    }
}
