package com.trunkbill.inventory.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §9 "Existence and history": existence per instant and per UTC day, day channels and day plan. */
class TrunkTimelineTests {

    private static TrunkState state(String from, int channels, ChannelPlan plan) {
        return new TrunkState(Instant.parse(from), channels, plan, AdminStatus.ENABLED, ActionStatus.SUCCESS);
    }

    private static TrunkTimeline trunk(String createdAt, String deletedAt, TrunkState... states) {
        return new TrunkTimeline("T-1", "A-1", "pbx", TrunkType.STATIC, DataCenter.FRANKFURT, "ADDR-1",
                Instant.parse(createdAt), deletedAt == null ? null : Instant.parse(deletedAt), false, List.of(states));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void existsFromCreatedAtInclusiveToDeletedAtExclusive() {
        TrunkTimeline t = trunk("2026-10-05T10:00:00Z", "2026-10-28T06:00:00Z",
                state("2026-10-05T10:00:00Z", 10, ChannelPlan.METERED));
        assertThat(t.existsAt(Instant.parse("2026-10-05T09:59:59.999Z"))).isFalse();
        assertThat(t.existsAt(Instant.parse("2026-10-05T10:00:00Z"))).isTrue();
        assertThat(t.existsAt(Instant.parse("2026-10-28T05:59:59.999Z"))).isTrue();
        assertThat(t.existsAt(Instant.parse("2026-10-28T06:00:00Z"))).isFalse();
    }

    @Test
    void existsOnEveryDayItsIntervalTouchesCreationAndDeletionDaysIncluded() {
        TrunkTimeline t = trunk("2026-10-05T10:00:00Z", "2026-10-28T06:00:00Z",
                state("2026-10-05T10:00:00Z", 10, ChannelPlan.METERED));
        assertThat(t.existsOn(day("2026-10-04"))).isFalse();
        assertThat(t.existsOn(day("2026-10-05"))).isTrue();
        assertThat(t.existsOn(day("2026-10-28"))).isTrue();
        assertThat(t.existsOn(day("2026-10-29"))).isFalse();
        assertThat(t.channelsOn(day("2026-10-04"))).isEmpty();
        assertThat(t.channelsOn(day("2026-10-05"))).contains(10);
        assertThat(t.planOn(day("2026-10-29"))).isEmpty();
    }

    @Test
    void deletedAtMidnightDoesNotExistOnThatDay() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", "2026-10-29T00:00:00Z",
                state("2026-10-01T00:00:00Z", 4, ChannelPlan.METERED));
        assertThat(t.existsOn(day("2026-10-28"))).isTrue();
        assertThat(t.existsOn(day("2026-10-29"))).isFalse();
        assertThat(t.channelsOn(day("2026-10-29"))).isEmpty();
    }

    @Test
    void deletedAtItsCreationInstantNeverExists() {
        // [c, c) is empty: it overlaps no day (this was a bug: existsOn answered true for the creation day)
        TrunkTimeline t = trunk("2026-10-05T10:00:00Z", "2026-10-05T10:00:00Z",
                state("2026-10-05T10:00:00Z", 10, ChannelPlan.METERED));
        assertThat(t.existsAt(Instant.parse("2026-10-05T10:00:00Z"))).isFalse();
        assertThat(t.existsOn(day("2026-10-05"))).isFalse();
        assertThat(t.channelsOn(day("2026-10-05"))).isEmpty();
        assertThat(t.planOn(day("2026-10-05"))).isEmpty();
    }

    @Test
    void dayChannelsAreTheLargestInEffectThatDayAndThePlanTheOneAtTheEndOfTheDay() {
        TrunkTimeline t = trunk("2026-10-05T10:00:00Z", null,
                state("2026-10-05T10:00:00Z", 10, ChannelPlan.METERED),
                state("2026-10-15T12:00:00Z", 20, ChannelPlan.UNLIMITED_US),
                state("2026-10-20T00:00:00Z", 5, ChannelPlan.METERED),
                state("2026-10-25T12:00:00Z", 8, ChannelPlan.UNLIMITED_US));
        assertThat(t.channelsOn(day("2026-10-14"))).contains(10);
        assertThat(t.channelsOn(day("2026-10-15"))).contains(20); // 10 until noon, 20 after: max 20
        assertThat(t.planOn(day("2026-10-15"))).contains(ChannelPlan.UNLIMITED_US); // end of day
        assertThat(t.planOn(day("2026-10-14"))).contains(ChannelPlan.METERED);
        assertThat(t.channelsOn(day("2026-10-19"))).contains(20);
        assertThat(t.planOn(day("2026-10-19"))).contains(ChannelPlan.UNLIMITED_US);
        // a change at midnight: the whole day has only the new state
        assertThat(t.channelsOn(day("2026-10-20"))).contains(5);
        assertThat(t.planOn(day("2026-10-20"))).contains(ChannelPlan.METERED);
        assertThat(t.channelsOn(day("2026-10-25"))).contains(8); // 5 then 8: max 8
        assertThat(t.planOn(day("2026-10-25"))).contains(ChannelPlan.UNLIMITED_US);
    }

    @Test
    void aDecreaseMidDayKeepsTheLargerCountForThatDay() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", null,
                state("2026-10-01T00:00:00Z", 20, ChannelPlan.UNLIMITED_US),
                state("2026-10-25T12:00:00Z", 5, ChannelPlan.METERED));
        assertThat(t.channelsOn(day("2026-10-25"))).contains(20);
        assertThat(t.planOn(day("2026-10-25"))).contains(ChannelPlan.METERED);
        assertThat(t.channelsOn(day("2026-10-26"))).contains(5);
    }

    @Test
    void onTheDeletionDayOnlyWhatWasInEffectBeforeTheDeletionCounts() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", "2026-10-28T06:00:00Z",
                state("2026-10-01T00:00:00Z", 10, ChannelPlan.METERED),
                state("2026-10-28T12:00:00Z", 30, ChannelPlan.UNLIMITED_US));
        assertThat(t.channelsOn(day("2026-10-28"))).contains(10);
        assertThat(t.planOn(day("2026-10-28"))).contains(ChannelPlan.METERED); // plan when it stopped existing
    }

    @Test
    void aChangeAtTheDeletionInstantDoesNotCount() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", "2026-10-28T06:00:00Z",
                state("2026-10-01T00:00:00Z", 10, ChannelPlan.METERED),
                state("2026-10-28T06:00:00Z", 30, ChannelPlan.UNLIMITED_US));
        assertThat(t.channelsOn(day("2026-10-28"))).contains(10);
        assertThat(t.planOn(day("2026-10-28"))).contains(ChannelPlan.METERED);
    }

    @Test
    void theFirstStateAppliesBackToCreatedAt() {
        // first seen by a snapshot as of 10-10, created 10-01: 12 channels from 10-01
        TrunkTimeline t = trunk("2026-10-01T08:00:00Z", null,
                state("2026-10-10T00:00:00Z", 12, ChannelPlan.METERED),
                state("2026-10-20T00:00:00Z", 24, ChannelPlan.METERED));
        assertThat(t.stateAt(Instant.parse("2026-10-01T08:00:00Z")).channels()).isEqualTo(12);
        assertThat(t.channelsOn(day("2026-10-01"))).contains(12);
        assertThat(t.channelsOn(day("2026-10-09"))).contains(12);
        assertThat(t.channelsOn(day("2026-10-20"))).contains(24);
    }

    @Test
    void onTheCreationDayStatesBeforeCreationDoNotCount() {
        // created_at moved later by a later snapshot: the state in effect at creation is the one that counts
        TrunkTimeline t = trunk("2026-10-12T18:00:00Z", null,
                state("2026-10-01T00:00:00Z", 30, ChannelPlan.METERED),
                state("2026-10-12T06:00:00Z", 10, ChannelPlan.UNLIMITED_US));
        assertThat(t.channelsOn(day("2026-10-12"))).contains(10);
        assertThat(t.planOn(day("2026-10-12"))).contains(ChannelPlan.UNLIMITED_US);
    }

    @Test
    void stateAtSwitchesAtTheEffectiveInstant() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", null,
                state("2026-10-01T00:00:00Z", 10, ChannelPlan.METERED),
                state("2026-10-15T12:00:00Z", 20, ChannelPlan.UNLIMITED_US));
        assertThat(t.stateAt(Instant.parse("2026-09-01T00:00:00Z")).channels()).isEqualTo(10);
        assertThat(t.stateAt(Instant.parse("2026-10-15T11:59:59.999Z")).channels()).isEqualTo(10);
        assertThat(t.stateAt(Instant.parse("2026-10-15T12:00:00Z")).channels()).isEqualTo(20);
        assertThat(t.stateAt(Instant.parse("2026-10-15T12:00:00Z")).plan()).isEqualTo(ChannelPlan.UNLIMITED_US);
    }

    @Test
    void statesAreOrderedWhateverTheInputOrder() {
        TrunkTimeline t = trunk("2026-10-01T00:00:00Z", null,
                state("2026-10-15T12:00:00Z", 20, ChannelPlan.UNLIMITED_US),
                state("2026-10-01T00:00:00Z", 10, ChannelPlan.METERED));
        assertThat(t.channelsOn(day("2026-10-02"))).isEqualTo(Optional.of(10));
    }

    @Test
    void aTrunkWithoutStateIsRefused() {
        assertThatThrownBy(() -> trunk("2026-10-01T00:00:00Z", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T-1");
    }
}
