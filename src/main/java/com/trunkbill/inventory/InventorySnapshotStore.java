package com.trunkbill.inventory;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.SnapshotPlan;
import com.trunkbill.inventory.model.SnapshotViolation;
import com.trunkbill.inventory.model.StateWrite;
import com.trunkbill.inventory.model.TrunkWrite;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_SNAPSHOT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_VIOLATION;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Writes a {@link SnapshotPlan} (the write side of the inventory; {@link InventoryRepository} reads). Runs in
 * the caller's transaction: the import applies a snapshot all or nothing. Rows are written in JDBC batches;
 * a trunk's {@code service_address_id} is never updated (migration V3's trigger would refuse it).
 */
@Repository
public class InventorySnapshotStore {

    private final DSLContext db;

    public InventorySnapshotStore(DSLContext db) {
        this.db = db;
    }

    /** The as-of instant of the latest imported snapshot, or null when none was imported. */
    public Instant latestAsOf() {
        return db.select(org.jooq.impl.DSL.max(INVENTORY_SNAPSHOT.AS_OF)).from(INVENTORY_SNAPSHOT).fetchOne().value1();
    }

    /** Records the snapshot and applies its plan; returns the new snapshot id. */
    public long apply(SnapshotPlan plan, Instant asOf, Instant importedAt, String sourceDir) {
        long snapshotId = db.insertInto(INVENTORY_SNAPSHOT)
                .set(INVENTORY_SNAPSHOT.AS_OF, asOf)
                .set(INVENTORY_SNAPSHOT.IMPORTED_AT, importedAt)
                .set(INVENTORY_SNAPSHOT.SOURCE_DIR, truncate(sourceDir, 1000))
                .set(INVENTORY_SNAPSHOT.ACCOUNTS, plan.accountsAccepted())
                .set(INVENTORY_SNAPSHOT.ADDRESSES, plan.addressesAccepted())
                .set(INVENTORY_SNAPSHOT.TRUNKS, plan.trunksAccepted())
                .set(INVENTORY_SNAPSHOT.REFUSED, (int) plan.refusedCount())
                .set(INVENTORY_SNAPSHOT.WARNINGS, (int) plan.warningCount())
                .returning(INVENTORY_SNAPSHOT.SNAPSHOT_ID)
                .fetchOne()
                .getSnapshotId();
        List<Query> queries = new ArrayList<>();
        plan.accountInserts().forEach(a -> queries.add(insertAccount(a, snapshotId)));
        plan.accountUpdates().forEach(a -> queries.add(updateAccount(a, snapshotId)));
        plan.addressInserts().forEach(a -> queries.add(insertAddress(a, snapshotId)));
        plan.addressUpdates().forEach(a -> queries.add(updateAddress(a, snapshotId)));
        plan.trunkInserts().forEach(t -> queries.add(insertTrunk(t, snapshotId)));
        plan.trunkUpdates().forEach(t -> queries.add(updateTrunk(t, snapshotId)));
        for (StateWrite write : plan.stateWrites()) {
            if (write.replacesLaterStates()) {
                queries.add(db.deleteFrom(TRUNK_STATE).where(TRUNK_STATE.TRUNK_ID.eq(write.trunkId()))
                        .and(TRUNK_STATE.EFFECTIVE_FROM.ge(write.state().effectiveFrom())));
            }
            queries.add(insertState(write, snapshotId));
        }
        plan.addressDeletes().forEach(id ->
                queries.add(db.deleteFrom(SERVICE_ADDRESS).where(SERVICE_ADDRESS.ADDRESS_ID.eq(id))));
        plan.violations().forEach(v -> queries.add(insertViolation(v, snapshotId)));
        if (!queries.isEmpty()) {
            db.batch(queries).execute();
        }
        return snapshotId;
    }

    private Query insertAccount(Account a, long snapshotId) {
        return db.insertInto(ACCOUNT)
                .set(ACCOUNT.ACCOUNT_ID, a.accountId())
                .set(ACCOUNT.NAME, a.name())
                .set(ACCOUNT.CURRENCY, a.currency())
                .set(ACCOUNT.COUNTRY, a.country())
                .set(ACCOUNT.PRICE_LIST, a.priceList())
                .set(ACCOUNT.VAT_ID, a.vatId())
                .set(ACCOUNT.SNAPSHOT_ID, snapshotId);
    }

    private Query updateAccount(Account a, long snapshotId) {
        return db.update(ACCOUNT)
                .set(ACCOUNT.NAME, a.name())
                .set(ACCOUNT.CURRENCY, a.currency())
                .set(ACCOUNT.COUNTRY, a.country())
                .set(ACCOUNT.PRICE_LIST, a.priceList())
                .set(ACCOUNT.VAT_ID, a.vatId())
                .set(ACCOUNT.SNAPSHOT_ID, snapshotId)
                .where(ACCOUNT.ACCOUNT_ID.eq(a.accountId()));
    }

    private Query insertAddress(ServiceAddress a, long snapshotId) {
        return db.insertInto(SERVICE_ADDRESS)
                .set(SERVICE_ADDRESS.ADDRESS_ID, a.addressId())
                .set(SERVICE_ADDRESS.ACCOUNT_ID, a.accountId())
                .set(SERVICE_ADDRESS.STREET, a.street())
                .set(SERVICE_ADDRESS.CITY, a.city())
                .set(SERVICE_ADDRESS.COUNTY, a.county())
                .set(SERVICE_ADDRESS.STATE, a.state())
                .set(SERVICE_ADDRESS.POSTAL_CODE, a.postalCode())
                .set(SERVICE_ADDRESS.COUNTRY, a.country())
                .set(SERVICE_ADDRESS.SNAPSHOT_ID, snapshotId);
    }

    private Query updateAddress(ServiceAddress a, long snapshotId) {
        return db.update(SERVICE_ADDRESS)
                .set(SERVICE_ADDRESS.STREET, a.street())
                .set(SERVICE_ADDRESS.CITY, a.city())
                .set(SERVICE_ADDRESS.COUNTY, a.county())
                .set(SERVICE_ADDRESS.STATE, a.state())
                .set(SERVICE_ADDRESS.POSTAL_CODE, a.postalCode())
                .set(SERVICE_ADDRESS.COUNTRY, a.country())
                .set(SERVICE_ADDRESS.SNAPSHOT_ID, snapshotId)
                .where(SERVICE_ADDRESS.ADDRESS_ID.eq(a.addressId()));
    }

    private Query insertTrunk(TrunkWrite t, long snapshotId) {
        return db.insertInto(TRUNK)
                .set(TRUNK.TRUNK_ID, t.trunkId())
                .set(TRUNK.ACCOUNT_ID, t.accountId())
                .set(TRUNK.NAME, t.name())
                .set(TRUNK.TRUNK_TYPE, t.type().name())
                .set(TRUNK.DATA_CENTER, t.dataCenter().name())
                .set(TRUNK.SERVICE_ADDRESS_ID, t.serviceAddressId())
                .set(TRUNK.CREATED_AT, t.createdAt())
                .set(TRUNK.DELETED_AT, t.deletedAt())
                .set(TRUNK.MISSING_PPU, t.missingPpu())
                .set(TRUNK.SNAPSHOT_ID, snapshotId);
    }

    /** Everything but the account (never moves) and the service address (immutable, SPEC §9). */
    private Query updateTrunk(TrunkWrite t, long snapshotId) {
        return db.update(TRUNK)
                .set(TRUNK.NAME, t.name())
                .set(TRUNK.TRUNK_TYPE, t.type().name())
                .set(TRUNK.DATA_CENTER, t.dataCenter().name())
                .set(TRUNK.CREATED_AT, t.createdAt())
                .set(TRUNK.DELETED_AT, t.deletedAt())
                .set(TRUNK.MISSING_PPU, t.missingPpu())
                .set(TRUNK.SNAPSHOT_ID, snapshotId)
                .where(TRUNK.TRUNK_ID.eq(t.trunkId()));
    }

    private Query insertState(StateWrite write, long snapshotId) {
        return db.insertInto(TRUNK_STATE)
                .set(TRUNK_STATE.TRUNK_ID, write.trunkId())
                .set(TRUNK_STATE.EFFECTIVE_FROM, write.state().effectiveFrom())
                .set(TRUNK_STATE.CHANNELS, write.state().channels())
                .set(TRUNK_STATE.CHANNEL_PLAN, write.state().plan().name())
                .set(TRUNK_STATE.ADMIN_STATUS, write.state().adminStatus().name())
                .set(TRUNK_STATE.ACTION_STATUS, write.state().actionStatus().name())
                .set(TRUNK_STATE.SNAPSHOT_ID, snapshotId);
    }

    private Query insertViolation(SnapshotViolation v, long snapshotId) {
        return db.insertInto(INVENTORY_VIOLATION)
                .set(INVENTORY_VIOLATION.SNAPSHOT_ID, snapshotId)
                .set(INVENTORY_VIOLATION.FILE_NAME, v.fileName())
                .set(INVENTORY_VIOLATION.LINE_NO, v.lineNo())
                .set(INVENTORY_VIOLATION.ENTITY_ID, truncate(v.entityId(), 64))
                .set(INVENTORY_VIOLATION.SEVERITY, v.severity().name())
                .set(INVENTORY_VIOLATION.REASON, v.reason())
                .set(INVENTORY_VIOLATION.MESSAGE, truncate(v.message(), 1000));
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
