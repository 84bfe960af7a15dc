package com.trunkbill.inventory.model;

import com.trunkbill.inventory.InventoryCsv;
import com.trunkbill.inventory.InventoryCsv.Row;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static com.trunkbill.inventory.InventoryCsv.aTrunk;
import static com.trunkbill.inventory.InventoryCsv.anAccount;
import static com.trunkbill.inventory.InventoryCsv.anAddress;
import static com.trunkbill.inventory.InventoryCsv.snapshot;
import static com.trunkbill.inventory.InventoryCsv.usAccountWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** SPEC §3.1 and §9: what a snapshot changes against the stored inventory, and what it refuses. */
class SnapshotPlannerTests {

    private static final Instant T1 = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-10-15T12:00:00Z");
    private static final Account US = new Account("A-US", "Account A-US", "USD", "US", "STANDARD", null);
    private static final ServiceAddress NY = new ServiceAddress("ADDR-US", "A-US", "1250 Broadway", "New York",
            "New York", "NY", "10001", "US");

    /** The stored inventory after {@code first} was imported at T1 (the planner's own inserts, applied). */
    private static StoredInventory storedAfter(InventoryCsv first) {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), first.parsed(), T1);
        Map<String, Account> accounts = new LinkedHashMap<>();
        plan.accountInserts().forEach(a -> accounts.put(a.accountId(), a));
        Map<String, ServiceAddress> addresses = new LinkedHashMap<>();
        plan.addressInserts().forEach(a -> addresses.put(a.addressId(), a));
        Map<String, TrunkTimeline> trunks = new LinkedHashMap<>();
        for (TrunkWrite t : plan.trunkInserts()) {
            List<TrunkState> states = plan.stateWrites().stream().filter(s -> s.trunkId().equals(t.trunkId()))
                    .map(StateWrite::state).toList();
            trunks.put(t.trunkId(), new TrunkTimeline(t.trunkId(), t.accountId(), t.name(), t.type(),
                    t.dataCenter(), t.serviceAddressId(), t.createdAt(), t.deletedAt(), t.missingPpu(), states));
        }
        return new StoredInventory(accounts, addresses, trunks);
    }

    private static List<String> reasons(SnapshotPlan plan) {
        return plan.violations().stream().map(SnapshotViolation::reason).toList();
    }

    @Test
    void aFirstSnapshotInsertsEverythingWithTheFirstStateFromCreatedAt() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(),
                usAccountWith(aTrunk("T-1").createdAt("2026-02-01T00:00:00Z").channels(30)).parsed(), T1);

        assertThat(plan.accountInserts()).containsExactly(US);
        assertThat(plan.addressInserts()).containsExactly(NY);
        assertThat(plan.trunkInserts()).extracting(TrunkWrite::trunkId, TrunkWrite::missingPpu)
                .containsExactly(tuple("T-1", false));
        assertThat(plan.stateWrites()).containsExactly(new StateWrite("T-1", new TrunkState(
                Instant.parse("2026-02-01T00:00:00Z"), 30, ChannelPlan.METERED, AdminStatus.ENABLED,
                ActionStatus.SUCCESS), false));
        assertThat(plan.violations()).isEmpty();
    }

    @Test
    void theSameSnapshotAgainChangesNothing() {
        InventoryCsv snapshot = usAccountWith(aTrunk("T-1"));
        SnapshotPlan plan = SnapshotPlanner.plan(storedAfter(snapshot), snapshot.parsed(), T2);

        assertThat(plan.accountInserts()).isEmpty();
        assertThat(plan.accountUpdates()).isEmpty();
        assertThat(plan.accountsUnchanged()).isEqualTo(1);
        assertThat(plan.addressesUnchanged()).isEqualTo(1);
        assertThat(plan.trunksUnchanged()).isEqualTo(1);
        assertThat(plan.trunkUpdates()).isEmpty();
        assertThat(plan.stateWrites()).isEmpty();
        assertThat(plan.addressDeletes()).isEmpty();
    }

    @Test
    void aChannelChangeIsAStateFromTheAsOfInstantAndANameChangeUpdatesTheTrunk() {
        StoredInventory stored = storedAfter(usAccountWith(aTrunk("T-1").channels(10)));
        SnapshotPlan plan = SnapshotPlanner.plan(stored,
                usAccountWith(aTrunk("T-1").channels(20).set("name", "renamed")).parsed(), T2);

        assertThat(plan.stateWrites()).extracting(s -> s.state().effectiveFrom(), s -> s.state().channels(),
                StateWrite::replacesLaterStates).containsExactly(tuple(T2, 20, true));
        assertThat(plan.trunkUpdates()).extracting(TrunkWrite::name).containsExactly("renamed");
        assertThat(plan.trunksUpdated()).isEqualTo(1);
    }

    @Test
    void changingTheServiceAddressRefusesTheWholeRow() {
        InventoryCsv first = snapshot(List.of(anAccount("A-US")),
                List.of(anAddress("ADDR-US"), anAddress("ADDR-LA")), List.of(aTrunk("T-1")));
        InventoryCsv second = snapshot(List.of(anAccount("A-US")),
                List.of(anAddress("ADDR-US"), anAddress("ADDR-LA")),
                List.of(aTrunk("T-1").address("ADDR-LA").channels(99).set("name", "moved")));
        SnapshotPlan plan = SnapshotPlanner.plan(storedAfter(first), second.parsed(), T2);

        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::severity,
                SnapshotViolation::lineNo, SnapshotViolation::entityId)
                .containsExactly(tuple("PPU_IMMUTABLE", Severity.REFUSED, 2L, "T-1"));
        assertThat(plan.violations().get(0).message()).contains("ADDR-US -> ADDR-LA");
        assertThat(plan.trunkUpdates()).isEmpty(); // nothing of the row: not the name
        assertThat(plan.stateWrites()).isEmpty(); // not the channels
    }

    @Test
    void clearingOrSettingTheServiceAddressIsAChangeToo() {
        StoredInventory withAddress = storedAfter(usAccountWith(aTrunk("T-1")));
        assertThat(reasons(SnapshotPlanner.plan(withAddress, usAccountWith(aTrunk("T-1").address("")).parsed(), T2)))
                .containsExactly("PPU_IMMUTABLE");

        StoredInventory withoutAddress = storedAfter(usAccountWith(aTrunk("T-2").address("")));
        SnapshotPlan plan = SnapshotPlanner.plan(withoutAddress, usAccountWith(aTrunk("T-2")).parsed(), T2);
        assertThat(reasons(plan)).containsExactly("PPU_IMMUTABLE", "MISSING_PPU");
    }

    @Test
    void aFileWithoutTheServiceAddressColumnKeepsTheStoredAddress() {
        StoredInventory stored = storedAfter(usAccountWith(aTrunk("T-1").channels(10)));
        // no service_address_id and no deleted_at column: not given, not "cleared"
        SnapshotPlan plan = SnapshotPlanner.plan(stored, usAccountWith(aTrunk("T-1").channels(20)
                .without("service_address_id", "deleted_at")).parsed(), T2);

        assertThat(plan.violations()).isEmpty();
        assertThat(plan.trunkUpdates()).isEmpty(); // same name, type, data center, address, dates: only the state
        assertThat(plan.trunksUpdated()).isEqualTo(1);
        assertThat(plan.stateWrites()).extracting(s -> s.trunkId(), s -> s.state().effectiveFrom(),
                s -> s.state().channels()).containsExactly(tuple("T-1", T2, 20));
    }

    @Test
    void aNewTrunkWithoutTheServiceAddressColumnHasNoAddress() {
        // T-2 first seen in a file without the column: no address, so MISSING_PPU (US account) on line 3
        SnapshotPlan plan = SnapshotPlanner.plan(storedAfter(usAccountWith(aTrunk("T-1"))),
                usAccountWith(aTrunk("T-1").without("service_address_id"), aTrunk("T-2")
                        .without("service_address_id")).parsed(), T2);

        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::severity,
                SnapshotViolation::lineNo, SnapshotViolation::entityId)
                .containsExactly(tuple("MISSING_PPU", Severity.WARNING, 3L, "T-2"));
        assertThat(plan.trunkInserts()).extracting(TrunkWrite::trunkId, TrunkWrite::serviceAddressId,
                TrunkWrite::missingPpu).containsExactly(tuple("T-2", null, true));
        assertThat(plan.trunksUnchanged()).isEqualTo(1); // T-1 keeps ADDR-US
        assertThat(plan.trunkUpdates()).isEmpty();
    }

    @Test
    void movingATrunkToAnotherAccountIsRefusedWhole() {
        InventoryCsv first = snapshot(List.of(anAccount("A-US"), anAccount("A-OTHER")), List.of(anAddress("ADDR-US")),
                List.of(aTrunk("T-1")));
        InventoryCsv second = snapshot(List.of(anAccount("A-US"), anAccount("A-OTHER")),
                List.of(anAddress("ADDR-US")), List.of(aTrunk("T-1").account("A-OTHER").channels(50)));
        SnapshotPlan plan = SnapshotPlanner.plan(storedAfter(first), second.parsed(), T2);

        assertThat(reasons(plan)).containsExactly("ACCOUNT_CHANGE");
        assertThat(plan.stateWrites()).isEmpty();
        assertThat(plan.trunkUpdates()).isEmpty();
    }

    @Test
    void ciscoWebexOnlyInNewYorkAndPortland() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), usAccountWith(
                aTrunk("W-NY").type("CISCO_WEBEX").dataCenter("NEW_YORK"),
                aTrunk("W-PDX").type("CISCO_WEBEX").dataCenter("PORTLAND"),
                aTrunk("W-FRA").type("CISCO_WEBEX").dataCenter("FRANKFURT")).parsed(), T1);

        assertThat(plan.trunkInserts()).extracting(TrunkWrite::trunkId).containsExactly("W-NY", "W-PDX");
        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::lineNo)
                .containsExactly(tuple("WEBEX_LOCATION", 4L));
    }

    @Test
    void aUsTrunkWithoutServiceAddressIsImportedAndFlagged() {
        InventoryCsv snapshot = snapshot(List.of(anAccount("A-US"), anAccount("A-DE").country("DE")),
                List.of(anAddress("ADDR-US")),
                List.of(aTrunk("T-US").address(""), aTrunk("T-DE").account("A-DE").address("")));
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), snapshot.parsed(), T1);

        assertThat(plan.trunkInserts()).extracting(TrunkWrite::trunkId, TrunkWrite::missingPpu)
                .containsExactly(tuple("T-US", true), tuple("T-DE", false));
        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::severity,
                SnapshotViolation::entityId).containsExactly(tuple("MISSING_PPU", Severity.WARNING, "T-US"));
    }

    @Test
    void theFlagFollowsTheAccountCountryForTrunksAbsentFromTheSnapshot() {
        StoredInventory stored = storedAfter(usAccountWith(aTrunk("T-1").address("")));
        assertThat(stored.trunks().get("T-1").missingPpu()).isTrue();
        // the account moves to Canada; trunks.csv absent
        SnapshotPlan plan = SnapshotPlanner.plan(stored,
                snapshot(List.of(anAccount("A-US").country("CA")), null, null).parsed(), T2);

        assertThat(plan.accountUpdates()).extracting(Account::country).containsExactly("CA");
        assertThat(plan.trunkUpdates()).extracting(TrunkWrite::trunkId, TrunkWrite::missingPpu)
                .containsExactly(tuple("T-1", false));
        assertThat(plan.violations()).isEmpty();
    }

    @Test
    void limitsPerAccountAreWarningsOverTrunksNotDeleted() {
        List<Row> trunks = new ArrayList<>();
        IntStream.rangeClosed(1, 11).forEach(i -> trunks.add(aTrunk("NY-" + i)));
        trunks.add(aTrunk("FRA-1").dataCenter("FRANKFURT"));
        trunks.add(aTrunk("SIN-1").dataCenter("SINGAPORE").deletedAt("2026-03-01T00:00:00Z")); // deleted: not counted
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(),
                snapshot(List.of(anAccount("A-US")), List.of(anAddress("ADDR-US")), trunks).parsed(), T1);

        assertThat(plan.trunkInserts()).hasSize(13); // nothing refused
        // 12 trunks exist (11 in NEW_YORK, 1 in FRANKFURT): over 10 in all and over 10 in NEW_YORK; 2 data centers
        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::severity,
                SnapshotViolation::entityId, SnapshotViolation::lineNo).containsExactly(
                tuple("LIMIT_TRUNKS", Severity.WARNING, "A-US", null),
                tuple("LIMIT_TRUNKS_PER_DATA_CENTER", Severity.WARNING, "A-US", null));

        SnapshotPlan threeDataCenters = SnapshotPlanner.plan(StoredInventory.empty(), usAccountWith(aTrunk("A"),
                aTrunk("B").dataCenter("FRANKFURT"), aTrunk("C").dataCenter("SINGAPORE")).parsed(), T1);
        assertThat(threeDataCenters.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::message)
                .containsExactly(tuple("LIMIT_DATA_CENTERS", "account A-US has trunks in 3 data centers "
                        + "[FRANKFURT, NEW_YORK, SINGAPORE], more than 2 (warning only, nothing refused)"));
    }

    @Test
    void anOmittedAddressInUseIsKeptAndAnUnusedOneDeleted() {
        InventoryCsv first = snapshot(List.of(anAccount("A-US")),
                List.of(anAddress("ADDR-US"), anAddress("ADDR-OLD"), anAddress("ADDR-UNUSED")),
                List.of(aTrunk("T-1"), aTrunk("T-OLD").address("ADDR-OLD").deletedAt("2026-05-01T00:00:00Z")));
        SnapshotPlan plan = SnapshotPlanner.plan(storedAfter(first),
                snapshot(null, List.of(anAddress("ADDR-US")), null).parsed(), T2);

        assertThat(plan.addressDeletes()).containsExactly("ADDR-UNUSED");
        // referenced by a deleted trunk still counts (SPEC §9)
        assertThat(plan.violations()).extracting(SnapshotViolation::fileName, SnapshotViolation::lineNo,
                SnapshotViolation::entityId, SnapshotViolation::severity, SnapshotViolation::reason)
                .containsExactly(tuple("service-addresses.csv", null, "ADDR-OLD", Severity.REFUSED, "ADDRESS_IN_USE"));
        assertThat(plan.violations().get(0).message()).contains("T-OLD");
    }

    @Test
    void unknownAccountsAndAddressesAreRefused() {
        InventoryCsv snapshot = snapshot(List.of(anAccount("A-US"), anAccount("A-2")),
                List.of(anAddress("ADDR-US"), anAddress("ADDR-X").account("A-NONE"), anAddress("ADDR-2").account("A-2")),
                List.of(aTrunk("T-1").account("A-NONE"), aTrunk("T-2").address("ADDR-NONE"),
                        aTrunk("T-3").address("ADDR-2")));
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), snapshot.parsed(), T1);

        assertThat(plan.violations()).extracting(SnapshotViolation::fileName, SnapshotViolation::lineNo,
                SnapshotViolation::reason).containsExactly(
                tuple("service-addresses.csv", 3L, "UNKNOWN_ACCOUNT"),
                tuple("trunks.csv", 2L, "UNKNOWN_ACCOUNT"),
                tuple("trunks.csv", 3L, "UNKNOWN_ADDRESS"),
                tuple("trunks.csv", 4L, "ADDRESS_OF_OTHER_ACCOUNT"));
        assertThat(plan.trunkInserts()).isEmpty();
    }

    @Test
    void aRepeatedIdIsRefusedAndTheFirstRowCounts() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(),
                usAccountWith(aTrunk("T-1").channels(5), aTrunk("T-1").channels(7)).parsed(), T1);

        assertThat(plan.stateWrites()).extracting(s -> s.state().channels()).containsExactly(5);
        assertThat(plan.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::lineNo)
                .containsExactly(tuple("DUPLICATE_ID", 3L));
    }

    @Test
    void absentFilesChangeNothing() {
        StoredInventory stored = storedAfter(usAccountWith(aTrunk("T-1")));
        SnapshotPlan plan = SnapshotPlanner.plan(stored, snapshot(null, null, null).parsed(), T2);

        assertThat(plan.accountsAccepted() + plan.addressesAccepted() + plan.trunksAccepted()).isZero();
        assertThat(plan.addressDeletes()).isEmpty();
        assertThat(plan.trunkUpdates()).isEmpty();
        assertThat(plan.violations()).isEmpty();
    }

    @Test
    void aTrunkAbsentFromALaterSnapshotIsUnchanged() {
        StoredInventory stored = storedAfter(usAccountWith(aTrunk("T-1"), aTrunk("T-2")));
        SnapshotPlan plan = SnapshotPlanner.plan(stored, usAccountWith(aTrunk("T-1")).parsed(), T2);

        assertThat(plan.trunkUpdates()).isEmpty();
        assertThat(plan.stateWrites()).isEmpty();
        assertThat(plan.trunksUnchanged()).isEqualTo(1);
    }

    @Test
    void rowsFailingValidationAreRefusedWithTheirReason() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), snapshot(
                List.of(anAccount("A-US"), anAccount("A-LC").set("currency", "usd"),
                        anAccount("A-XX").set("currency", "XYZ"), anAccount("A-C").country("USA"),
                        anAccount("").set("name", "no id")),
                List.of(anAddress("ADDR-US")),
                List.of(aTrunk("T-ENUM").type("SKYPE"), aTrunk("T-OFFSET").createdAt("2026-01-01T00:00:00"),
                        aTrunk("T-ZERO").channels(0), aTrunk("T-NUM").set("channels", "ten"),
                        aTrunk("T-DEL").deletedAt("2025-12-31T23:59:59Z"), aTrunk("T-LONG").set("name", "x".repeat(201)),
                        aTrunk("T-OK"))).parsed(), T1);

        assertThat(plan.violations()).extracting(SnapshotViolation::fileName, SnapshotViolation::lineNo,
                SnapshotViolation::reason).containsExactly(
                tuple("accounts.csv", 3L, "BAD_CURRENCY"),
                tuple("accounts.csv", 4L, "BAD_CURRENCY"),
                tuple("accounts.csv", 5L, "BAD_COUNTRY"),
                tuple("accounts.csv", 6L, "MISSING_FIELD"),
                tuple("trunks.csv", 2L, "BAD_ENUM"),
                tuple("trunks.csv", 3L, "BAD_INSTANT"),
                tuple("trunks.csv", 4L, "BAD_NUMBER"),
                tuple("trunks.csv", 5L, "BAD_NUMBER"),
                tuple("trunks.csv", 6L, "DELETED_BEFORE_CREATED"),
                tuple("trunks.csv", 7L, "FIELD_TOO_LONG"));
        assertThat(plan.violations().get(4).message())
                .isEqualTo("trunks.csv line 2: trunk_type 'SKYPE' is not one of [STATIC, REGISTERED, FRESHWORKS, "
                        + "GENESYS, CISCO_WEBEX, OPENAI_REALTIME, MS_OPERATOR_CONNECT]");
        assertThat(plan.trunkInserts()).extracting(TrunkWrite::trunkId).containsExactly("T-OK");
        assertThat(plan.accountInserts()).extracting(Account::accountId).containsExactly("A-US");
    }

    @Test
    void aRowNotAsWideAsTheHeaderIsMalformed() {
        RawRow shortRow = new RawRow(9, column -> null, column -> true, new String[] {"T-1", "A-US"}, false);
        ParsedSnapshot parsed = new ParsedSnapshot().withTrunks(List.of(shortRow));
        assertThat(parsed.violations()).extracting(SnapshotViolation::reason, SnapshotViolation::lineNo)
                .containsExactly(tuple("MALFORMED_ROW", 9L));
    }

    @Test
    void aDefaultPriceListIsStandard() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(),
                snapshot(List.of(anAccount("A-1").set("price_list", "")), null, null).parsed(), T1);
        assertThat(plan.accountInserts()).extracting(Account::priceList).containsExactly("STANDARD");
    }

    @Test
    void optionalColumnsLeftOutReadAsEmpty() {
        SnapshotPlan plan = SnapshotPlanner.plan(StoredInventory.empty(), snapshot(
                List.of(anAccount("A-US").without("price_list", "vat_id")),
                List.of(anAddress("ADDR-US").without("street", "city", "county", "state", "postal_code")),
                List.of(aTrunk("T-1").without("deleted_at"))).parsed(), T1);

        assertThat(plan.violations()).isEmpty();
        assertThat(plan.accountInserts()).containsExactly(new Account("A-US", "Account A-US", "USD", "US",
                "STANDARD", null));
        assertThat(plan.addressInserts()).containsExactly(new ServiceAddress("ADDR-US", "A-US", null, null, null,
                null, null, "US"));
        assertThat(plan.trunkInserts()).extracting(TrunkWrite::serviceAddressId, TrunkWrite::deletedAt)
                .containsExactly(tuple("ADDR-US", null));
    }
}
