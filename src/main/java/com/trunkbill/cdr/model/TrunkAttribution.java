package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.ratetable.model.Direction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which trunk a CDR belongs to (SPEC §4.2, §9), decided once at import time over an in-memory index of the
 * inventory (built once per run, never a query per CDR).
 * <ul>
 *   <li>A CDR with a trunk_id belongs to that trunk; unknown to the inventory: {@code UNKNOWN_TRUNK}; its
 *       account_id, when given, must be the trunk's: else {@code ACCOUNT_MISMATCH}.</li>
 *   <li>No trunk_id, source {@code FRESHWORKS}, direction OUTBOUND: the oldest provisioned FRESHWORKS trunk
 *       (earliest created_at, then smallest trunk_id) of that account in that data center that existed at
 *       start_time ({@code created_at <= t < deleted_at}; admin and action statuses ignored). None:
 *       {@code NO_TRUNK}.</li>
 *   <li>No trunk_id otherwise (another source, or inbound): {@code NO_TRUNK}.</li>
 * </ul>
 */
public final class TrunkAttribution {

    public static final String FRESHWORKS_SOURCE = "FRESHWORKS";

    private static final Comparator<TrunkTimeline> OLDEST_FIRST =
            Comparator.comparing(TrunkTimeline::createdAt).thenComparing(TrunkTimeline::trunkId);

    private final Map<String, TrunkTimeline> trunksById;
    private final Map<GroupKey, List<TrunkTimeline>> freshworksTrunks;

    private record GroupKey(String accountId, DataCenter dataCenter) {
    }

    /** The trunk a CDR is attributed to, or why none. */
    public record Outcome(String trunkId, String accountId, DataCenter dataCenter, boolean freshworksOutbound,
                          Rejection rejection) {
        public boolean isAttributed() {
            return trunkId != null;
        }
    }

    public TrunkAttribution(Collection<TrunkTimeline> trunks) {
        trunksById = new HashMap<>();
        freshworksTrunks = new HashMap<>();
        for (TrunkTimeline trunk : trunks) {
            trunksById.put(trunk.trunkId(), trunk);
            if (trunk.isFreshworks()) {
                freshworksTrunks.computeIfAbsent(new GroupKey(trunk.accountId(), trunk.dataCenter()),
                        key -> new ArrayList<>()).add(trunk);
            }
        }
        freshworksTrunks.values().forEach(group -> group.sort(OLDEST_FIRST));
    }

    /** The trunk of that id, or null when the inventory has none. */
    public TrunkTimeline trunk(String trunkId) {
        return trunksById.get(trunkId);
    }

    public Outcome attribute(Cdr cdr) {
        if (cdr.trunkId() != null) {
            TrunkTimeline trunk = trunksById.get(cdr.trunkId());
            if (trunk == null) {
                return rejected(RejectReason.UNKNOWN_TRUNK, "trunk_id " + cdr.trunkId() + " is not in the inventory");
            }
            if (cdr.accountId() != null && !cdr.accountId().equals(trunk.accountId())) {
                return rejected(RejectReason.ACCOUNT_MISMATCH, "account_id " + cdr.accountId() + " but trunk "
                        + trunk.trunkId() + " belongs to " + trunk.accountId());
            }
            DataCenter dataCenter = cdr.dataCenter() != null ? cdr.dataCenter() : trunk.dataCenter();
            return new Outcome(trunk.trunkId(), trunk.accountId(), dataCenter, false, null);
        }
        if (!cdr.isFreshworksSource() || cdr.direction() != Direction.OUTBOUND) {
            return rejected(RejectReason.NO_TRUNK, "trunk_id is empty and the CDR is not Freshworks outbound traffic"
                    + " (source " + cdr.source() + ", " + cdr.direction() + ")");
        }
        TrunkTimeline oldest = oldestFreshworksTrunk(cdr.accountId(), cdr.dataCenter(), cdr.startTime());
        if (oldest == null) {
            return rejected(RejectReason.NO_TRUNK, "no Freshworks trunk of " + cdr.accountId() + " in "
                    + cdr.dataCenter() + " existed at " + cdr.startTime());
        }
        return new Outcome(oldest.trunkId(), oldest.accountId(), cdr.dataCenter(), true, null);
    }

    /** SPEC §4.2: earliest created_at, then smallest trunk_id, among those existing at {@code at}. */
    public TrunkTimeline oldestFreshworksTrunk(String accountId, DataCenter dataCenter, Instant at) {
        for (TrunkTimeline trunk : freshworksTrunks.getOrDefault(new GroupKey(accountId, dataCenter), List.of())) {
            if (trunk.existsAt(at)) {
                return trunk;
            }
        }
        return null;
    }

    private static Outcome rejected(RejectReason reason, String detail) {
        return new Outcome(null, null, null, false, new Rejection(reason, detail));
    }
}
