package com.trunkbill.usage.model;

import com.trunkbill.inventory.model.TrunkTimeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one channel-usage row stands for (SPEC §6, §9): a trunk, with its own channel limit (Freshworks inbound
 * traffic included), or the Freshworks outbound group {@code FRESHWORKS:<account>:<data_center>} of an
 * account's Freshworks trunks in one data center, whose limit is the sum of theirs.
 *
 * @param rowId   the {@code trunk_id} column: the trunk id or the group id
 * @param members the trunks whose channels count (one for a trunk row)
 */
public record UsageRow(String rowId, List<TrunkTimeline> members) {

    public UsageRow {
        Objects.requireNonNull(rowId, "rowId");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("usage row " + rowId + " has no trunk");
        }
    }

    /** The group id of the Freshworks outbound traffic of an account in a data center. */
    public static String freshworksGroupId(String accountId, String dataCenter) {
        return "FRESHWORKS:" + accountId + ":" + dataCenter;
    }

    /** One row per trunk, then one per account and data center with Freshworks trunks. */
    public static List<UsageRow> rowsOf(Iterable<TrunkTimeline> trunks) {
        List<UsageRow> rows = new ArrayList<>();
        Map<String, List<TrunkTimeline>> groups = new LinkedHashMap<>();
        for (TrunkTimeline trunk : trunks) {
            rows.add(new UsageRow(trunk.trunkId(), List.of(trunk)));
            if (trunk.isFreshworks()) {
                groups.computeIfAbsent(freshworksGroupId(trunk.accountId(), trunk.dataCenter().name()),
                        id -> new ArrayList<>()).add(trunk);
            }
        }
        groups.forEach((id, members) -> rows.add(new UsageRow(id, members)));
        return rows;
    }

    /**
     * The row's channels on a day: each member's largest channel count that day, summed over the members that
     * existed that day; empty when none existed (the row has no line that day).
     */
    public Optional<Integer> channelsOn(LocalDate day) {
        int sum = 0;
        boolean anyExisted = false;
        for (TrunkTimeline member : members) {
            Optional<Integer> channels = member.channelsOn(day);
            if (channels.isPresent()) {
                anyExisted = true;
                sum += channels.get();
            }
        }
        return anyExisted ? Optional.of(sum) : Optional.empty();
    }
}
