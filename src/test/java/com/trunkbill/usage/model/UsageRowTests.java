package com.trunkbill.usage.model;

import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UsageRowTests {

    private static TrunkTimeline trunk(String id, TrunkType type, DataCenter dataCenter, String createdAt,
                                       String deletedAt, int channels, String... changes) {
        List<TrunkState> states = new ArrayList<>();
        states.add(new TrunkState(Instant.parse(createdAt), channels, ChannelPlan.METERED, AdminStatus.ENABLED,
                ActionStatus.SUCCESS));
        for (int i = 0; i < changes.length; i += 2) {
            states.add(new TrunkState(Instant.parse(changes[i]), Integer.parseInt(changes[i + 1]), ChannelPlan.METERED,
                    AdminStatus.ENABLED, ActionStatus.SUCCESS));
        }
        return new TrunkTimeline(id, "ACC-F", id, type, dataCenter, null, Instant.parse(createdAt),
                deletedAt == null ? null : Instant.parse(deletedAt), false, states);
    }

    private final TrunkTimeline oldest = trunk("TRK-2001", TrunkType.FRESHWORKS, DataCenter.NEW_YORK,
            "2026-03-01T00:00:00Z", "2026-10-18T12:00:00Z", 10);
    // 5 channels, raised to 8 on Oct 25 at 15:00
    private final TrunkTimeline second = trunk("TRK-2002", TrunkType.FRESHWORKS, DataCenter.NEW_YORK,
            "2026-05-10T15:45:00Z", null, 5, "2026-10-25T15:00:00Z", "8");
    private final TrunkTimeline portland = trunk("TRK-2004", TrunkType.FRESHWORKS, DataCenter.PORTLAND,
            "2026-01-01T00:00:00Z", null, 8);
    private final TrunkTimeline plain = trunk("TRK-1001", TrunkType.STATIC, DataCenter.NEW_YORK,
            "2026-01-01T00:00:00Z", null, 30);

    @Test
    void everyTrunkHasItsRowAndFreshworksTrunksAlsoFormAGroupPerAccountAndDataCenter() {
        List<UsageRow> rows = UsageRow.rowsOf(List.of(oldest, second, portland, plain));

        assertThat(rows).extracting(UsageRow::rowId).containsExactly("TRK-2001", "TRK-2002", "TRK-2004", "TRK-1001",
                "FRESHWORKS:ACC-F:NEW_YORK", "FRESHWORKS:ACC-F:PORTLAND");
        assertThat(rows.get(4).members()).containsExactly(oldest, second);
    }

    @Test
    void aGroupsChannelsAreTheSumOverTheMembersThatExistedThatDay() {
        UsageRow group = new UsageRow("FRESHWORKS:ACC-F:NEW_YORK", List.of(oldest, second));

        assertThat(group.channelsOn(LocalDate.parse("2026-10-18"))).contains(15); // deleted at 12:00: still 10 + 5
        assertThat(group.channelsOn(LocalDate.parse("2026-10-19"))).contains(5);
        assertThat(group.channelsOn(LocalDate.parse("2026-10-25"))).contains(8); // the largest count that day
        assertThat(group.channelsOn(LocalDate.parse("2026-02-01"))).isEmpty(); // no member existed yet
    }
}
