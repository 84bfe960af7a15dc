package com.trunkbill.inventory;

import com.trunkbill.batch.JobLaunchService;
import com.trunkbill.batch.JobSummary;
import com.trunkbill.cli.RunPolicy;
import com.trunkbill.db.jooq.tables.records.InventorySnapshotRecord;
import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.testsupport.DatabaseTest;
import com.trunkbill.testsupport.OnH2;
import com.trunkbill.testsupport.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_SNAPSHOT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_VIOLATION;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;
import static com.trunkbill.inventory.InventoryCsv.aTrunk;
import static com.trunkbill.inventory.InventoryCsv.anAccount;
import static com.trunkbill.inventory.InventoryCsv.anAddress;
import static com.trunkbill.inventory.InventoryCsv.snapshot;
import static com.trunkbill.inventory.InventoryCsv.usAccountWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** inventoryImportJob end to end (SPEC §3.1, §8, §9), on H2 and PostgreSQL. */
public abstract class InventoryImportJobFunctionalTests extends DatabaseTest {

    private static final String T1 = "2026-10-01T00:00:00Z";
    private static final String T2 = "2026-10-15T12:00:00Z";

    @Autowired
    JobLaunchService launcher;

    @Autowired
    InventoryRepository inventory;

    private JobExecution importInventory(Path dir, String asOf) {
        return launcher.launch("inventoryImportJob", new JobParametersBuilder()
                .addString("dir", dir.toString()).addString("as-of", asOf).toJobParameters(),
                RunPolicy.NEW_RUN_EACH_TIME).execution();
    }

    private JobExecution importInventory(InventoryCsv snapshot, String asOf) {
        Path dir = snapshot.writeTo(tempDir.resolve("snapshot-" + asOf.replace(':', '-') + "-" + System.nanoTime()));
        return importInventory(dir, asOf);
    }

    private JobExecution completed(JobExecution execution) {
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString())
                .isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static String failure(JobExecution execution) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        return execution.getAllFailureExceptions().get(0).getMessage();
    }

    private List<String> rejects(String file) throws IOException {
        return Files.readAllLines(outputDir.resolve("rejects").resolve(file + ".rejects.csv"));
    }

    @Test
    void importsTheShippedSampleInventory() {
        JobExecution execution = completed(importInventory(Path.of("sample-cdrs/inventory").toAbsolutePath(), T1));

        assertThat(db.fetchCount(ACCOUNT)).isEqualTo(8);
        assertThat(db.fetchCount(SERVICE_ADDRESS)).isEqualTo(12);
        assertThat(db.fetchCount(TRUNK)).isEqualTo(24);
        assertThat(db.fetchCount(TRUNK_STATE)).isEqualTo(24); // one first state per trunk, from created_at
        // TRK-3002 of the US account ACC-US-NOPPU has no service address (trunks.csv line 13)
        assertThat(db.select(TRUNK.TRUNK_ID).from(TRUNK).where(TRUNK.MISSING_PPU.isTrue()).fetch(TRUNK.TRUNK_ID))
                .containsExactly("TRK-3002");
        assertThat(db.selectFrom(INVENTORY_VIOLATION).fetch()).extracting(v -> v.getFileName(), v -> v.getLineNo(),
                v -> v.getEntityId(), v -> v.getSeverity(), v -> v.getReason())
                .containsExactly(tuple("trunks.csv", 13L, "TRK-3002", "WARNING", "MISSING_PPU"));
        InventorySnapshotRecord snapshot = db.selectFrom(INVENTORY_SNAPSHOT).fetchSingle();
        assertThat(snapshot.getAsOf()).isEqualTo(Instant.parse(T1));
        assertThat(List.of(snapshot.getAccounts(), snapshot.getAddresses(), snapshot.getTrunks(),
                snapshot.getRefused(), snapshot.getWarnings())).containsExactly(8, 12, 24, 0, 1);

        TrunkTimeline fresh = inventory.trunkTimelines().get("TRK-2001");
        assertThat(fresh.deletedAt()).isEqualTo(Instant.parse("2026-10-18T12:00:00Z"));
        assertThat(fresh.stateAt(fresh.createdAt()).channels()).isEqualTo(10);
        assertThat(fresh.states()).extracting(s -> s.effectiveFrom()).containsExactly(fresh.createdAt());
        assertThat(inventory.accounts().get("ACC-DE-MUELLER").vatId()).isEqualTo("DE123456789");
        assertThat(inventory.accounts().get("ACC-US-ACME").priceList()).isEqualTo("STANDARD");
        assertThat(inventory.accounts().get("ACC-BR-SAMBA").billingAddress())
                .isEqualTo(new BillingAddress("Avenida Paulista, 1578", "São Paulo", "01310-200", "SP"));

        assertThat(JobSummary.lines(execution)).contains(
                "  accounts   inserted 8  updated 0  unchanged 0",
                "  addresses  inserted 12  updated 0  unchanged 0  deleted 0",
                "  trunks     inserted 24  updated 0  unchanged 0  (0 state changes)",
                "  refused 0",
                "  warnings 1 (MISSING_PPU 1)");
        assertThat(outputDir.resolve("rejects/trunks.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void theSameSampleAgainChangesNothing() {
        Path sample = Path.of("sample-cdrs/inventory").toAbsolutePath();
        completed(importInventory(sample, T1));
        JobExecution again = completed(importInventory(sample, T2));

        assertThat(db.fetchCount(TRUNK_STATE)).isEqualTo(24);
        assertThat(JobSummary.lines(again)).contains("  trunks     inserted 0  updated 0  unchanged 24  (0 state changes)");
        assertThat(db.fetchCount(INVENTORY_SNAPSHOT)).isEqualTo(2);
    }

    @Test
    void aChangedServiceAddressIsRefusedAndTheDatabaseRefusesADirectUpdate() throws IOException {
        List<InventoryCsv.Row> addresses = List.of(anAddress("ADDR-US"), anAddress("ADDR-LA"));
        completed(importInventory(snapshot(List.of(anAccount("A-US")), addresses, List.of(aTrunk("T-1"))), T1));
        JobExecution second = completed(importInventory(snapshot(List.of(anAccount("A-US")), addresses,
                List.of(aTrunk("T-1").address("ADDR-LA").channels(40))), T2));

        assertThat(db.select(TRUNK.SERVICE_ADDRESS_ID).from(TRUNK).fetchSingle().value1()).isEqualTo("ADDR-US");
        assertThat(db.fetchCount(TRUNK_STATE)).isEqualTo(1); // the channel change of the refused row is not applied
        assertThat(db.selectFrom(INVENTORY_VIOLATION).fetch()).extracting(v -> v.getReason(), v -> v.getSeverity(),
                v -> v.getLineNo()).containsExactly(tuple("PPU_IMMUTABLE", "REFUSED", 2L));
        assertThat(JobSummary.lines(second)).contains("  refused 1 (PPU_IMMUTABLE 1)");
        List<String> rejects = rejects("trunks.csv");
        assertThat(rejects).hasSize(2);
        assertThat(rejects.get(0)).isEqualTo("line,reason,detail,row");
        assertThat(rejects.get(1)).isEqualTo("2,PPU_IMMUTABLE,\"trunks.csv line 2: trunk T-1: service_address_id "
                + "ADDR-US -> ADDR-LA: the service address (PPU) is fixed when the trunk is first seen; the row is "
                + "refused, the stored trunk stays\",\"T-1,A-US,pbx-T-1,STATIC,NEW_YORK,40,METERED,ADDR-LA,ENABLED,"
                + "SUCCESS,2026-01-01T00:00:00Z,\"");

        // migration V3: the database itself refuses a change, a clearing, and allows the same value
        assertThatThrownBy(() -> db.update(TRUNK).set(TRUNK.SERVICE_ADDRESS_ID, "ADDR-LA")
                .where(TRUNK.TRUNK_ID.eq("T-1")).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("service_address_id is immutable");
        assertThatThrownBy(() -> db.execute("update trunk set service_address_id = null where trunk_id = 'T-1'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
        assertThat(db.execute("update trunk set service_address_id = 'ADDR-US', name = 'same' where trunk_id = 'T-1'"))
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesSettingAnAddressOnATrunkFirstSeenWithout() {
        completed(importInventory(usAccountWith(aTrunk("T-1").address("")), T1));
        assertThatThrownBy(() -> db.execute("update trunk set service_address_id = 'ADDR-US' where trunk_id = 'T-1'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("immutable");
    }

    @Test
    void anOmittedAddressStillReferencedIsKeptAndReported() throws IOException {
        completed(importInventory(snapshot(List.of(anAccount("A-US")),
                List.of(anAddress("ADDR-US"), anAddress("ADDR-OLD"), anAddress("ADDR-UNUSED")),
                List.of(aTrunk("T-1"), aTrunk("T-2").address("ADDR-OLD").deletedAt("2026-05-01T00:00:00Z"))), T1));
        JobExecution second = completed(importInventory(snapshot(null, List.of(anAddress("ADDR-US")), null), T2));

        assertThat(db.select(SERVICE_ADDRESS.ADDRESS_ID).from(SERVICE_ADDRESS).orderBy(SERVICE_ADDRESS.ADDRESS_ID)
                .fetch(SERVICE_ADDRESS.ADDRESS_ID)).containsExactly("ADDR-OLD", "ADDR-US");
        assertThat(db.selectFrom(INVENTORY_VIOLATION).fetch()).extracting(v -> v.getFileName(), v -> v.getLineNo(),
                v -> v.getEntityId(), v -> v.getSeverity(), v -> v.getReason())
                .containsExactly(tuple("service-addresses.csv", null, "ADDR-OLD", "REFUSED", "ADDRESS_IN_USE"));
        assertThat(JobSummary.lines(second)).contains("  addresses  inserted 0  updated 0  unchanged 1  deleted 1",
                "  accounts.csv: absent, stored accounts unchanged");
        assertThat(Files.readString(outputDir.resolve("rejects/inventory-violations.csv")))
                .contains("service-addresses.csv,,ADDR-OLD,REFUSED,ADDRESS_IN_USE");
    }

    @Test
    void aUsTrunkWithoutAddressIsImportedFlaggedMissingPpu() {
        completed(importInventory(usAccountWith(aTrunk("T-1"), aTrunk("T-2").address("")), T1));

        assertThat(db.select(TRUNK.TRUNK_ID, TRUNK.MISSING_PPU).from(TRUNK).orderBy(TRUNK.TRUNK_ID).fetch()
                .map(r -> tuple(r.value1(), r.value2()))).containsExactly(tuple("T-1", false), tuple("T-2", true));
        assertThat(inventory.trunkTimelines().get("T-2").missingPpu()).isTrue();
        assertThat(db.selectFrom(INVENTORY_VIOLATION).fetch()).extracting(v -> v.getReason(), v -> v.getSeverity(),
                v -> v.getEntityId(), v -> v.getLineNo()).containsExactly(tuple("MISSING_PPU", "WARNING", "T-2", 3L));
    }

    @Test
    void aWebexTrunkOutsideNewYorkAndPortlandIsRefused() throws IOException {
        completed(importInventory(usAccountWith(aTrunk("W-1").type("CISCO_WEBEX").dataCenter("FRANKFURT"),
                aTrunk("W-2").type("CISCO_WEBEX").dataCenter("PORTLAND")), T1));

        assertThat(db.select(TRUNK.TRUNK_ID).from(TRUNK).fetch(TRUNK.TRUNK_ID)).containsExactly("W-2");
        assertThat(inventory.trunkTimelines()).doesNotContainKey("W-1"); // its CDRs will be UNKNOWN_TRUNK
        assertThat(rejects("trunks.csv")).hasSize(2).element(1).asString().startsWith("2,WEBEX_LOCATION,");
    }

    @Test
    void accountLimitsAreWarningsOnly() {
        List<InventoryCsv.Row> trunks = new ArrayList<>();
        IntStream.rangeClosed(1, 11).forEach(i -> trunks.add(aTrunk(String.format("NY-%02d", i))));
        trunks.add(aTrunk("FRA-1").dataCenter("FRANKFURT"));
        trunks.add(aTrunk("SIN-1").dataCenter("SINGAPORE"));
        JobExecution execution = completed(importInventory(
                snapshot(List.of(anAccount("A-US")), List.of(anAddress("ADDR-US")), trunks), T1));

        assertThat(db.fetchCount(TRUNK)).isEqualTo(13);
        // 13 trunks (> 10), 11 in NEW_YORK (> 10), 3 data centers (> 2)
        assertThat(db.selectFrom(INVENTORY_VIOLATION).orderBy(INVENTORY_VIOLATION.REASON).fetch())
                .extracting(v -> v.getReason(), v -> v.getSeverity(), v -> v.getEntityId()).containsExactly(
                        tuple("LIMIT_DATA_CENTERS", "WARNING", "A-US"),
                        tuple("LIMIT_TRUNKS", "WARNING", "A-US"),
                        tuple("LIMIT_TRUNKS_PER_DATA_CENTER", "WARNING", "A-US"));
        assertThat(JobSummary.lines(execution)).contains(
                "  warnings 3 (LIMIT_DATA_CENTERS 1, LIMIT_TRUNKS 1, LIMIT_TRUNKS_PER_DATA_CENTER 1)");
    }

    @Test
    void aRowMovingATrunkToAnotherAccountIsRefusedWhole() {
        List<InventoryCsv.Row> accounts = List.of(anAccount("A-US"), anAccount("A-2"));
        completed(importInventory(snapshot(accounts, List.of(anAddress("ADDR-US")), List.of(aTrunk("T-1"))), T1));
        completed(importInventory(snapshot(accounts, List.of(anAddress("ADDR-US")),
                List.of(aTrunk("T-1").account("A-2").set("name", "moved"))), T2));

        assertThat(db.select(TRUNK.ACCOUNT_ID, TRUNK.NAME).from(TRUNK).fetchSingle().intoArray())
                .containsExactly("A-US", "pbx-T-1");
        assertThat(db.select(INVENTORY_VIOLATION.REASON).from(INVENTORY_VIOLATION).fetch(INVENTORY_VIOLATION.REASON))
                .containsExactly("ACCOUNT_CHANGE");
    }

    @Test
    void aFileMissingAColumnRefusesTheWholeSnapshot() throws IOException {
        Path dir = usAccountWith(aTrunk("T-1")).writeTo(tempDir.resolve("no-channels"));
        Path trunks = dir.resolve("trunks.csv");
        List<String> lines = Files.readAllLines(trunks);
        Files.write(trunks, lines.stream().map(line -> line.replaceFirst("^((?:[^,]*,){5})[^,]*,", "$1")).toList());
        assertThat(Files.readAllLines(trunks).get(0)).doesNotContain("channels,");

        JobExecution execution = importInventory(dir, T1);

        assertThat(failure(execution)).isEqualTo("trunks.csv: required column 'channels' is missing");
        assertThat(db.fetchCount(ACCOUNT)).isZero(); // accounts.csv was fine, but nothing is applied
        assertThat(db.fetchCount(SERVICE_ADDRESS)).isZero();
        assertThat(db.fetchCount(INVENTORY_SNAPSHOT)).isZero();
    }

    @Test
    void theBillingAddressColumnsAreStoredAndAChangeUpdatesTheAccount() {
        InventoryCsv first = snapshot(List.of(anAccount("A-HR").set("country", "HR").set("currency", "EUR")
                .set("billing_street", "Ulica Đure Đakovića 5").set("billing_city", "Čakovec")
                .set("billing_postal_code", "40000")), null, null);
        completed(importInventory(first, T1));
        assertThat(inventory.accounts().get("A-HR").billingAddress())
                .isEqualTo(new BillingAddress("Ulica Đure Đakovića 5", "Čakovec", "40000", null));

        InventoryCsv moved = snapshot(List.of(anAccount("A-HR").set("country", "HR").set("currency", "EUR")
                .set("billing_street", "Ilica 242").set("billing_city", "Zagreb")
                .set("billing_postal_code", "10000")), null, null);
        JobExecution second = completed(importInventory(moved, T2));
        assertThat(JobSummary.lines(second)).contains("  accounts   inserted 0  updated 1  unchanged 0");
        assertThat(inventory.accounts().get("A-HR").billingAddress())
                .isEqualTo(new BillingAddress("Ilica 242", "Zagreb", "10000", null));

        InventoryCsv none = snapshot(List.of(anAccount("A-HR").set("country", "HR").set("currency", "EUR")), null,
                null);
        completed(importInventory(none, "2026-10-20T00:00:00Z"));
        assertThat(inventory.accounts().get("A-HR").billingAddress().isEmpty()).isTrue();
    }

    @Test
    void aMinimalAccountsFileWithoutOptionalColumnsImports() throws IOException {
        InventoryCsv minimal = snapshot(List.of(anAccount("A-US").without("price_list", "vat_id",
                "billing_street", "billing_city", "billing_postal_code", "billing_state")), null, null);
        Path dir = minimal.writeTo(tempDir.resolve("minimal-accounts"));
        assertThat(Files.readAllLines(dir.resolve("accounts.csv")))
                .containsExactly("account_id,name,currency,country", "A-US,Account A-US,USD,US");

        JobExecution execution = completed(importInventory(dir, T1));

        assertThat(db.select(ACCOUNT.ACCOUNT_ID, ACCOUNT.PRICE_LIST, ACCOUNT.VAT_ID).from(ACCOUNT).fetchSingle()
                .intoArray()).containsExactly("A-US", "STANDARD", null);
        assertThat(db.fetchCount(INVENTORY_VIOLATION)).isZero();
        assertThat(JobSummary.lines(execution)).contains("  accounts   inserted 1  updated 0  unchanged 0",
                "  refused 0");
    }

    @Test
    void aTrunksFileWithoutServiceAddressAndDeletedAtColumnsKeepsTheStoredAddress() throws IOException {
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(10)), T1));
        InventoryCsv second = usAccountWith(aTrunk("T-1").channels(20).without("service_address_id", "deleted_at"));
        Path dir = second.writeTo(tempDir.resolve("no-address-column"));
        assertThat(Files.readAllLines(dir.resolve("trunks.csv")).get(0)).isEqualTo(
                "trunk_id,account_id,name,trunk_type,data_center,channels,channel_plan,admin_status,action_status,"
                        + "created_at");

        JobExecution execution = completed(importInventory(dir, T2));

        // not "cleared": no PPU_IMMUTABLE, the trunk keeps ADDR-US and takes the new channels from T2
        assertThat(db.fetchCount(INVENTORY_VIOLATION)).isZero();
        assertThat(db.select(TRUNK.SERVICE_ADDRESS_ID, TRUNK.DELETED_AT, TRUNK.MISSING_PPU).from(TRUNK)
                .where(TRUNK.TRUNK_ID.eq("T-1")).fetchSingle().intoArray()).containsExactly("ADDR-US", null, false);
        assertThat(inventory.trunkTimelines().get("T-1").states()).extracting(s -> s.effectiveFrom(), s -> s.channels())
                .containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), 10), tuple(Instant.parse(T2), 20));
        assertThat(JobSummary.lines(execution)).contains(
                "  trunks     inserted 0  updated 1  unchanged 0  (1 state changes)", "  refused 0", "  warnings 0");
        assertThat(outputDir.resolve("rejects/trunks.csv.rejects.csv")).doesNotExist();
    }

    @Test
    void aFileThatIsNotCsvRefusesTheWholeSnapshot() throws IOException {
        Path dir = usAccountWith(aTrunk("T-1")).writeTo(tempDir.resolve("binary"));
        Files.write(dir.resolve("service-addresses.csv"), new byte[] {'"', 'a', 0, 1, 2, '\n', 'b'});

        assertThat(failure(importInventory(dir, T1))).startsWith("service-addresses.csv: ");
        assertThat(db.fetchCount(ACCOUNT)).isZero();
    }

    @Test
    void historyChannelsAndPlanChangeAtTheAsOfInstant() {
        // created 2026-09-01; T1 = 10-01 00:00 with 10 channels; T2 = 10-15 12:00 with 20; T3 = 10-20 08:00 plan change
        InventoryCsv.Row trunk = aTrunk("T-1").createdAt("2026-09-01T00:00:00Z");
        completed(importInventory(usAccountWith(trunk.channels(10)), T1));
        completed(importInventory(usAccountWith(trunk.channels(20)), T2));
        completed(importInventory(usAccountWith(trunk.plan("UNLIMITED_US")), "2026-10-20T08:00:00Z"));

        TrunkTimeline t = inventory.trunkTimelines().get("T-1");
        assertThat(t.states()).extracting(s -> s.effectiveFrom(), s -> s.channels(), s -> s.plan()).containsExactly(
                tuple(Instant.parse("2026-09-01T00:00:00Z"), 10, ChannelPlan.METERED), // first state: from created_at
                tuple(Instant.parse(T2), 20, ChannelPlan.METERED),
                tuple(Instant.parse("2026-10-20T08:00:00Z"), 20, ChannelPlan.UNLIMITED_US));
        assertThat(t.channelsOn(LocalDate.parse("2026-09-01"))).contains(10);
        assertThat(t.channelsOn(LocalDate.parse("2026-10-14"))).contains(10);
        assertThat(t.channelsOn(LocalDate.parse("2026-10-15"))).contains(20); // 10 until noon, then 20: the larger
        assertThat(t.stateAt(Instant.parse("2026-10-15T11:59:59Z")).channels()).isEqualTo(10);
        assertThat(t.stateAt(Instant.parse(T2)).channels()).isEqualTo(20);
        assertThat(t.planOn(LocalDate.parse("2026-10-19"))).contains(ChannelPlan.METERED);
        assertThat(t.planOn(LocalDate.parse("2026-10-20"))).contains(ChannelPlan.UNLIMITED_US); // end of day
        assertThat(t.stateAt(Instant.parse("2026-10-20T07:59:59Z")).plan()).isEqualTo(ChannelPlan.METERED);
    }

    @Test
    void reimportingAtTheSameAsOfCorrectsThatInstantsState() {
        InventoryCsv.Row trunk = aTrunk("T-1");
        completed(importInventory(usAccountWith(trunk.channels(10)), T1));
        completed(importInventory(usAccountWith(trunk.channels(20)), T2));
        completed(importInventory(usAccountWith(trunk.channels(30)), T2));

        assertThat(inventory.trunkTimelines().get("T-1").states()).extracting(s -> s.effectiveFrom(), s -> s.channels())
                .containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), 10), tuple(Instant.parse(T2), 30));
    }

    @Test
    void aSnapshotWithoutAsOfThenABackdatedOneRecordsTheChangeFromTheBackdatedInstant() {
        // the first import is taken "now" (after October); the second describes 2026-10-15T12:00Z
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(10)), "2026-11-27T08:00:00Z"));
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(20)), T2));

        TrunkTimeline trunk = inventory.trunkTimelines().get("T-1");
        assertThat(trunk.states()).extracting(s -> s.effectiveFrom(), s -> s.channels())
                .containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), 10), tuple(Instant.parse(T2), 20));
        assertThat(trunk.channelsOn(LocalDate.parse("2026-10-14"))).contains(10);
        assertThat(trunk.channelsOn(LocalDate.parse("2026-10-15"))).contains(20);
        assertThat(db.fetchCount(INVENTORY_SNAPSHOT)).isEqualTo(2);
    }

    @Test
    void aBackdatedChangeKeepsTheLaterChangesOfLaterSnapshots() {
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(10)), T1));
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(30)), "2026-10-20T00:00:00Z"));
        // a late-arriving snapshot of the 15th: 20 channels from then, 30 still from the 20th
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(20)), T2));

        assertThat(inventory.trunkTimelines().get("T-1").states()).extracting(s -> s.effectiveFrom(), s -> s.channels())
                .containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), 10), tuple(Instant.parse(T2), 20),
                        tuple(Instant.parse("2026-10-20T00:00:00Z"), 30));
    }

    @Test
    void aBackdatedSnapshotImportedAgainAtTheSameInstantCorrectsThatInstantsState() {
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(10)), T1));
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(30)), "2026-10-20T00:00:00Z"));
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(20)), T2));
        // the snapshot of the 15th, corrected: 25 channels, not 20
        completed(importInventory(usAccountWith(aTrunk("T-1").channels(25)), T2));

        assertThat(inventory.trunkTimelines().get("T-1").states()).extracting(s -> s.effectiveFrom(), s -> s.channels())
                .containsExactly(tuple(Instant.parse("2026-01-01T00:00:00Z"), 10), tuple(Instant.parse(T2), 25),
                        tuple(Instant.parse("2026-10-20T00:00:00Z"), 30));
    }

    @Test
    void accountAndAddressAttributesFollowTheLatestSnapshot() {
        completed(importInventory(usAccountWith(aTrunk("T-1")), T1));
        completed(importInventory(snapshot(List.of(anAccount("A-US").set("vat_id", "US-1").set("currency", "EUR")),
                List.of(anAddress("ADDR-US").set("city", "Brooklyn")), null), T2));

        assertThat(inventory.accounts().get("A-US").currency()).isEqualTo("EUR");
        assertThat(inventory.accounts().get("A-US").vatId()).isEqualTo("US-1");
        assertThat(inventory.serviceAddresses().get("ADDR-US").city()).isEqualTo("Brooklyn");
        assertThat(db.select(ACCOUNT.SNAPSHOT_ID).from(ACCOUNT).fetchSingle().value1())
                .isEqualTo(db.select(org.jooq.impl.DSL.max(INVENTORY_SNAPSHOT.SNAPSHOT_ID)).from(INVENTORY_SNAPSHOT)
                        .fetchSingle().value1());
    }
}

@OnH2
class InventoryImportJobH2FunctionalTests extends InventoryImportJobFunctionalTests {
}

@OnPostgres
class InventoryImportJobPostgresFunctionalTests extends InventoryImportJobFunctionalTests {
}
