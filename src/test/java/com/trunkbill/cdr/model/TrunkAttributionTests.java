package com.trunkbill.cdr.model;

import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.trunkbill.cdr.model.CdrRows.aRow;
import static org.assertj.core.api.Assertions.assertThat;

class TrunkAttributionTests {

    private static TrunkTimeline trunk(String id, String account, TrunkType type, DataCenter dc, String created,
                                       String deleted, AdminStatus admin, ActionStatus action) {
        Instant createdAt = Instant.parse(created);
        return new TrunkTimeline(id, account, id.toLowerCase(), type, dc, null, createdAt,
                deleted == null ? null : Instant.parse(deleted), false,
                List.of(new TrunkState(createdAt, 5, ChannelPlan.METERED, admin, action)));
    }

    private static TrunkTimeline freshworks(String id, String created, String deleted) {
        return trunk(id, "FRESH", TrunkType.FRESHWORKS, DataCenter.NEW_YORK, created, deleted, AdminStatus.ENABLED,
                ActionStatus.SUCCESS);
    }

    // FW-2 is the oldest (created first) until it is deleted on Oct 18 at noon; FW-1 and FW-3 share a
    // created_at, so FW-1 (smaller id) is next; FW-9 is in another data center; FW-0 was created later.
    private final TrunkAttribution attribution = new TrunkAttribution(List.of(
            freshworks("FW-3", "2026-05-10T15:45:00Z", null),
            freshworks("FW-2", "2026-03-01T00:00:00Z", "2026-10-18T12:00:00Z"),
            freshworks("FW-1", "2026-05-10T15:45:00Z", null),
            freshworks("FW-0", "2026-10-25T00:00:00Z", null),
            trunk("FW-9", "FRESH", TrunkType.FRESHWORKS, DataCenter.PORTLAND, "2026-01-01T00:00:00Z", null,
                    AdminStatus.ENABLED, ActionStatus.SUCCESS),
            trunk("T1", "A1", TrunkType.STATIC, DataCenter.NEW_YORK, "2026-01-01T00:00:00Z", null,
                    AdminStatus.DISABLED, ActionStatus.FAILED)));

    private static Cdr freshworksOutbound(String start) {
        return aRow().with("trunk_id", "").with("account_id", "FRESH").with("source", "FRESHWORKS")
                .with("data_center", "NEW_YORK").with("start_time", start).with("answer_time", "")
                .with("end_time", start).valid();
    }

    @Test
    void aCdrWithTrunkIdBelongsToThatTrunkWhateverItsStatus() {
        TrunkAttribution.Outcome outcome = attribution.attribute(aRow().valid());
        assertThat(outcome.trunkId()).isEqualTo("T1");
        assertThat(outcome.accountId()).isEqualTo("A1");
        assertThat(outcome.freshworksOutbound()).isFalse();
    }

    @Test
    void theAccountIsTakenFromTheTrunkWhenTheCdrHasNone() {
        TrunkAttribution.Outcome outcome = attribution.attribute(aRow().with("account_id", "").with("data_center", "").valid());
        assertThat(outcome.accountId()).isEqualTo("A1");
        assertThat(outcome.dataCenter()).isEqualTo(DataCenter.NEW_YORK);
    }

    @Test
    void unknownTrunkAndAccountMismatch() {
        assertThat(attribution.attribute(aRow().with("trunk_id", "T404").valid()).rejection().reason())
                .isEqualTo(RejectReason.UNKNOWN_TRUNK);
        assertThat(attribution.attribute(aRow().with("account_id", "FRESH").valid()).rejection().reason())
                .isEqualTo(RejectReason.ACCOUNT_MISMATCH);
    }

    @Test
    void freshworksOutboundGoesToTheOldestExistingTrunkOfTheAccountInTheDataCenter() {
        TrunkAttribution.Outcome outcome = attribution.attribute(freshworksOutbound("2026-10-18T11:59:59.999Z"));
        assertThat(outcome.trunkId()).isEqualTo("FW-2");
        assertThat(outcome.accountId()).isEqualTo("FRESH");
        assertThat(outcome.freshworksOutbound()).isTrue();
    }

    @Test
    void whenTheOldestIsDeletedMidMonthTheNextOldestTakesOverWithTheSmallestIdOnATie() {
        // deleted_at is exclusive: at 12:00:00 FW-2 no longer exists
        assertThat(attribution.attribute(freshworksOutbound("2026-10-18T12:00:00Z")).trunkId()).isEqualTo("FW-1");
        assertThat(attribution.attribute(freshworksOutbound("2026-10-30T00:00:00Z")).trunkId()).isEqualTo("FW-1");
    }

    @Test
    void aTrunkNotYetCreatedDoesNotCount() {
        // before FW-2's creation only... nobody: FW-1/FW-3 came in May, FW-0 in late October
        assertThat(attribution.attribute(freshworksOutbound("2026-02-01T00:00:00Z")).rejection().reason())
                .isEqualTo(RejectReason.NO_TRUNK);
        assertThat(attribution.attribute(freshworksOutbound("2026-03-01T00:00:00Z")).trunkId()).isEqualTo("FW-2");
    }

    @Test
    void statusesAreIgnored() {
        TrunkAttribution disabledOldest = new TrunkAttribution(List.of(
                trunk("FW-A", "FRESH", TrunkType.FRESHWORKS, DataCenter.NEW_YORK, "2026-01-01T00:00:00Z", null,
                        AdminStatus.SYSTEM_DISABLED, ActionStatus.FAILED),
                freshworks("FW-B", "2026-02-01T00:00:00Z", null)));
        assertThat(disabledOldest.attribute(freshworksOutbound("2026-10-01T00:00:00Z")).trunkId()).isEqualTo("FW-A");
    }

    @Test
    void noFreshworksTrunkInThatDataCenterOrAccountIsNoTrunk() {
        Cdr otherDc = aRow().with("trunk_id", "").with("account_id", "FRESH").with("source", "FRESHWORKS")
                .with("data_center", "FRANKFURT").valid();
        assertThat(attribution.attribute(otherDc).rejection().reason()).isEqualTo(RejectReason.NO_TRUNK);
        Cdr otherAccount = aRow().with("trunk_id", "").with("account_id", "A1").with("source", "FRESHWORKS").valid();
        assertThat(attribution.attribute(otherAccount).rejection().reason()).isEqualTo(RejectReason.NO_TRUNK);
        Cdr portland = aRow().with("trunk_id", "").with("account_id", "FRESH").with("source", "freshworks")
                .with("data_center", "PORTLAND").valid();
        assertThat(attribution.attribute(portland).trunkId()).isEqualTo("FW-9");
    }

    @Test
    void emptyTrunkIdOfAnotherSourceOrInboundIsNoTrunk() {
        Cdr sbc = aRow().with("trunk_id", "").with("account_id", "FRESH").with("source", "SBC").valid();
        assertThat(attribution.attribute(sbc).rejection().reason()).isEqualTo(RejectReason.NO_TRUNK);
        Cdr inbound = aRow().with("trunk_id", "").with("account_id", "FRESH").with("source", "FRESHWORKS")
                .with("direction", "INBOUND").valid();
        assertThat(attribution.attribute(inbound).rejection().reason()).isEqualTo(RejectReason.NO_TRUNK);
    }
}
