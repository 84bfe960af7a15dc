package com.trunkbill.inventory;

import com.trunkbill.inventory.model.SnapshotPlan;
import com.trunkbill.inventory.model.StateWrite;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_SNAPSHOT;
import static com.trunkbill.db.jooq.Tables.INVENTORY_VIOLATION;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Writes a {@link SnapshotPlan} (the write side of the inventory; {@link InventoryRepository} reads). Runs in
 * the caller's transaction: the import applies a snapshot all or nothing. Rows are written in JDBC batches, one
 * prepared statement per kind of write;
 * a trunk's {@code service_address_id} is never updated (migration V3's trigger would refuse it).
 */
@Repository
public class InventorySnapshotStore {

    private final DSLContext db;

    public InventorySnapshotStore(DSLContext db) {
        this.db = db;
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
        batch(insertAccount(), plan.accountInserts(), a -> new Object[] {a.accountId(), a.name(), a.currency(),
                a.country(), a.priceList(), a.vatId(), a.billingAddress().street(), a.billingAddress().city(),
                a.billingAddress().postalCode(), a.billingAddress().state(), snapshotId});
        batch(updateAccount(), plan.accountUpdates(), a -> new Object[] {a.name(), a.currency(), a.country(),
                a.priceList(), a.vatId(), a.billingAddress().street(), a.billingAddress().city(),
                a.billingAddress().postalCode(), a.billingAddress().state(), snapshotId, a.accountId()});
        batch(insertAddress(), plan.addressInserts(), a -> new Object[] {a.addressId(), a.accountId(), a.street(),
                a.city(), a.county(), a.state(), a.postalCode(), a.country(), snapshotId});
        batch(updateAddress(), plan.addressUpdates(), a -> new Object[] {a.street(), a.city(), a.county(),
                a.state(), a.postalCode(), a.country(), snapshotId, a.addressId()});
        batch(insertTrunk(), plan.trunkInserts(), t -> new Object[] {t.trunkId(), t.accountId(), t.name(),
                t.type().name(), t.dataCenter().name(), t.serviceAddressId(), t.createdAt(), t.deletedAt(),
                t.missingPpu(), snapshotId});
        batch(updateTrunk(), plan.trunkUpdates(), t -> new Object[] {t.name(), t.type().name(),
                t.dataCenter().name(), t.createdAt(), t.deletedAt(), t.missingPpu(), snapshotId, t.trunkId()});
        batch(deleteStatesFrom(), plan.stateWrites().stream().filter(StateWrite::replacesLaterStates).toList(),
                w -> new Object[] {w.trunkId(), w.state().effectiveFrom()});
        // a backdated write keeps the later states but replaces one stored at its very instant (a correction)
        batch(deleteStateAt(), plan.stateWrites().stream().filter(w -> !w.replacesLaterStates()).toList(),
                w -> new Object[] {w.trunkId(), w.state().effectiveFrom()});
        batch(insertState(), plan.stateWrites(), w -> new Object[] {w.trunkId(), w.state().effectiveFrom(),
                w.state().channels(), w.state().plan().name(), w.state().adminStatus().name(),
                w.state().actionStatus().name(), snapshotId});
        batch(deleteAddress(), plan.addressDeletes(), id -> new Object[] {id});
        batch(insertViolation(), plan.violations(), v -> new Object[] {snapshotId, v.fileName(), v.lineNo(),
                truncate(v.entityId(), 64), v.severity().name(), v.reason(), truncate(v.message(), 1000)});
        return snapshotId;
    }

    /** One prepared statement, one JDBC batch of bind values per kind of write (SPEC: batch writes). */
    private <T> void batch(Query query, List<T> items, Function<T, Object[]> bindValues) {
        if (items.isEmpty()) {
            return;
        }
        BatchBindStep batch = db.batch(query);
        items.forEach(item -> batch.bind(bindValues.apply(item)));
        batch.execute();
    }

    private Query insertAccount() {
        return db.insertInto(ACCOUNT, ACCOUNT.ACCOUNT_ID, ACCOUNT.NAME, ACCOUNT.CURRENCY, ACCOUNT.COUNTRY,
                ACCOUNT.PRICE_LIST, ACCOUNT.VAT_ID, ACCOUNT.BILLING_STREET, ACCOUNT.BILLING_CITY,
                ACCOUNT.BILLING_POSTAL_CODE, ACCOUNT.BILLING_STATE, ACCOUNT.SNAPSHOT_ID)
                .values((String) null, null, null, null, null, null, null, null, null, null, null);
    }

    private Query updateAccount() {
        return db.update(ACCOUNT)
                .set(ACCOUNT.NAME, (String) null)
                .set(ACCOUNT.CURRENCY, (String) null)
                .set(ACCOUNT.COUNTRY, (String) null)
                .set(ACCOUNT.PRICE_LIST, (String) null)
                .set(ACCOUNT.VAT_ID, (String) null)
                .set(ACCOUNT.BILLING_STREET, (String) null)
                .set(ACCOUNT.BILLING_CITY, (String) null)
                .set(ACCOUNT.BILLING_POSTAL_CODE, (String) null)
                .set(ACCOUNT.BILLING_STATE, (String) null)
                .set(ACCOUNT.SNAPSHOT_ID, (Long) null)
                .where(ACCOUNT.ACCOUNT_ID.eq((String) null));
    }

    private Query insertAddress() {
        return db.insertInto(SERVICE_ADDRESS, SERVICE_ADDRESS.ADDRESS_ID, SERVICE_ADDRESS.ACCOUNT_ID,
                SERVICE_ADDRESS.STREET, SERVICE_ADDRESS.CITY, SERVICE_ADDRESS.COUNTY, SERVICE_ADDRESS.STATE,
                SERVICE_ADDRESS.POSTAL_CODE, SERVICE_ADDRESS.COUNTRY, SERVICE_ADDRESS.SNAPSHOT_ID)
                .values((String) null, null, null, null, null, null, null, null, null);
    }

    private Query updateAddress() {
        return db.update(SERVICE_ADDRESS)
                .set(SERVICE_ADDRESS.STREET, (String) null)
                .set(SERVICE_ADDRESS.CITY, (String) null)
                .set(SERVICE_ADDRESS.COUNTY, (String) null)
                .set(SERVICE_ADDRESS.STATE, (String) null)
                .set(SERVICE_ADDRESS.POSTAL_CODE, (String) null)
                .set(SERVICE_ADDRESS.COUNTRY, (String) null)
                .set(SERVICE_ADDRESS.SNAPSHOT_ID, (Long) null)
                .where(SERVICE_ADDRESS.ADDRESS_ID.eq((String) null));
    }

    private Query deleteAddress() {
        return db.deleteFrom(SERVICE_ADDRESS).where(SERVICE_ADDRESS.ADDRESS_ID.eq((String) null));
    }

    private Query insertTrunk() {
        return db.insertInto(TRUNK, TRUNK.TRUNK_ID, TRUNK.ACCOUNT_ID, TRUNK.NAME, TRUNK.TRUNK_TYPE,
                TRUNK.DATA_CENTER, TRUNK.SERVICE_ADDRESS_ID, TRUNK.CREATED_AT, TRUNK.DELETED_AT, TRUNK.MISSING_PPU,
                TRUNK.SNAPSHOT_ID)
                .values((String) null, null, null, null, null, null, null, null, null, null);
    }

    /** Everything but the account (never moves) and the service address (immutable, SPEC §9). */
    private Query updateTrunk() {
        return db.update(TRUNK)
                .set(TRUNK.NAME, (String) null)
                .set(TRUNK.TRUNK_TYPE, (String) null)
                .set(TRUNK.DATA_CENTER, (String) null)
                .set(TRUNK.CREATED_AT, (Instant) null)
                .set(TRUNK.DELETED_AT, (Instant) null)
                .set(TRUNK.MISSING_PPU, (Boolean) null)
                .set(TRUNK.SNAPSHOT_ID, (Long) null)
                .where(TRUNK.TRUNK_ID.eq((String) null));
    }

    private Query deleteStatesFrom() {
        return db.deleteFrom(TRUNK_STATE).where(TRUNK_STATE.TRUNK_ID.eq((String) null))
                .and(TRUNK_STATE.EFFECTIVE_FROM.ge((Instant) null));
    }

    private Query deleteStateAt() {
        return db.deleteFrom(TRUNK_STATE).where(TRUNK_STATE.TRUNK_ID.eq((String) null))
                .and(TRUNK_STATE.EFFECTIVE_FROM.eq((Instant) null));
    }

    private Query insertState() {
        return db.insertInto(TRUNK_STATE, TRUNK_STATE.TRUNK_ID, TRUNK_STATE.EFFECTIVE_FROM, TRUNK_STATE.CHANNELS,
                TRUNK_STATE.CHANNEL_PLAN, TRUNK_STATE.ADMIN_STATUS, TRUNK_STATE.ACTION_STATUS, TRUNK_STATE.SNAPSHOT_ID)
                .values((String) null, null, null, null, null, null, null);
    }

    private Query insertViolation() {
        return db.insertInto(INVENTORY_VIOLATION, INVENTORY_VIOLATION.SNAPSHOT_ID, INVENTORY_VIOLATION.FILE_NAME,
                INVENTORY_VIOLATION.LINE_NO, INVENTORY_VIOLATION.ENTITY_ID, INVENTORY_VIOLATION.SEVERITY,
                INVENTORY_VIOLATION.REASON, INVENTORY_VIOLATION.MESSAGE)
                .values((Long) null, null, null, null, null, null, null);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
