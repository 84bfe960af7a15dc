package com.trunkbill.inventory.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trunk with its history, answering "what was trunk T at instant X" and "on day D" (SPEC §9).
 * <ul>
 *   <li>Existence is {@code [createdAt, deletedAt)} from the latest snapshot; a trunk exists on a UTC day
 *       when that interval overlaps the day at all.</li>
 *   <li>States change at their {@code effectiveFrom}; the earliest state applies back to {@code createdAt}.</li>
 *   <li>On a day with several states, the channel count of the day is the largest in effect that day and the
 *       plan the one in effect at the end of the day (or when the trunk stopped existing that day).</li>
 * </ul>
 */
public record TrunkTimeline(String trunkId, String accountId, String name, TrunkType type, DataCenter dataCenter,
                            String serviceAddressId, Instant createdAt, Instant deletedAt, boolean missingPpu,
                            List<TrunkState> states) {

    public TrunkTimeline {
        Objects.requireNonNull(trunkId, "trunkId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("trunk " + trunkId + " has no state");
        }
        states = states.stream().sorted(Comparator.comparing(TrunkState::effectiveFrom)).toList();
    }

    /** SPEC §9: created_at <= t < deleted_at. */
    public boolean existsAt(Instant instant) {
        return !instant.isBefore(createdAt) && (deletedAt == null || instant.isBefore(deletedAt));
    }

    /**
     * Whether {@code [createdAt, deletedAt)} overlaps {@code [from, to)}. A trunk deleted at its creation instant
     * has an empty interval and never exists.
     */
    public boolean existsDuring(Instant from, Instant to) {
        return createdAt.isBefore(to)
                && (deletedAt == null || (deletedAt.isAfter(from) && deletedAt.isAfter(createdAt)));
    }

    public boolean existsOn(LocalDate day) {
        return existsDuring(startOf(day), startOf(day.plusDays(1)));
    }

    /** The state in effect at an instant (the earliest state before the first change). */
    public TrunkState stateAt(Instant instant) {
        TrunkState current = states.get(0);
        for (TrunkState state : states) {
            if (state.effectiveFrom().isAfter(instant)) {
                break;
            }
            current = state;
        }
        return current;
    }

    /** The largest channel count in effect at any instant of the day; empty when the trunk did not exist. */
    public Optional<Integer> channelsOn(LocalDate day) {
        if (!existsOn(day)) {
            return Optional.empty();
        }
        Instant from = max(startOf(day), createdAt);
        Instant to = lastInstantOn(day);
        int channels = stateAt(from).channels();
        for (TrunkState state : states) {
            if (state.effectiveFrom().isAfter(from) && !state.effectiveFrom().isAfter(to)) {
                channels = Math.max(channels, state.channels());
            }
        }
        return Optional.of(channels);
    }

    /** The plan in effect at the end of the day, or when the trunk stopped existing that day. */
    public Optional<ChannelPlan> planOn(LocalDate day) {
        if (!existsOn(day)) {
            return Optional.empty();
        }
        return Optional.of(stateAt(lastInstantOn(day)).plan());
    }

    /** The last instant of the day on which the trunk exists (the day is assumed to be one it exists on). */
    private Instant lastInstantOn(LocalDate day) {
        Instant endOfDay = startOf(day.plusDays(1)).minusNanos(1);
        if (deletedAt != null && deletedAt.isBefore(startOf(day.plusDays(1)))) {
            return deletedAt.minusNanos(1);
        }
        return endOfDay;
    }

    public boolean isFreshworks() {
        return type == TrunkType.FRESHWORKS;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
