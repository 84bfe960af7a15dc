package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.db.BulkRowWriter;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.CDR_FILE_REJECT;

/** Storage of ingested CDR files and accepted CDRs. Every method is one statement (or one JDBC batch). */
@Repository
public class CdrImportRepository {

    /** Rows of a period's fingerprints per round trip (PostgreSQL streams with a fetch size inside a transaction). */
    private static final int FINGERPRINT_FETCH_SIZE = 10_000;

    private final DSLContext db;

    public CdrImportRepository(DSLContext db) {
        this.db = db;
    }

    /** The stored file with this content hash, if any. */
    public Optional<CdrFileRecord> fileWithHash(String contentHash) {
        return db.selectFrom(CDR_FILE).where(CDR_FILE.CONTENT_HASH.eq(contentHash)).fetchOptional();
    }

    public long insertFile(String fileName, String contentHash, CdrFormat format, Instant ingestedAt) {
        return db.insertInto(CDR_FILE)
                .set(CDR_FILE.FILE_NAME, fileName)
                .set(CDR_FILE.CONTENT_HASH, contentHash)
                .set(CDR_FILE.FORMAT, format.name())
                .set(CDR_FILE.INGESTED_AT, ingestedAt)
                .returning(CDR_FILE.FILE_ID)
                .fetchOne(CDR_FILE.FILE_ID);
    }

    public void updateFileCounts(long fileId, ImportCounts counts) {
        db.update(CDR_FILE)
                .set(CDR_FILE.READ_COUNT, counts.read())
                .set(CDR_FILE.ACCEPTED, counts.accepted())
                .set(CDR_FILE.DUPLICATES, counts.duplicates())
                .set(CDR_FILE.UNKNOWN_TRUNK, counts.rejected(RejectReason.UNKNOWN_TRUNK))
                .set(CDR_FILE.ACCOUNT_MISMATCH, counts.rejected(RejectReason.ACCOUNT_MISMATCH))
                .set(CDR_FILE.NO_TRUNK, counts.rejected(RejectReason.NO_TRUNK))
                .set(CDR_FILE.DUPLICATE_CONFLICT, counts.rejected(RejectReason.DUPLICATE_CONFLICT))
                .set(CDR_FILE.MALFORMED, counts.malformed())
                .where(CDR_FILE.FILE_ID.eq(fileId))
                .execute();
        Map<RejectReason, Long> byReason = counts.rejectedByReason();
        if (!byReason.isEmpty()) {
            BatchBindStep batch = db.batch(db.insertInto(CDR_FILE_REJECT, CDR_FILE_REJECT.FILE_ID,
                    CDR_FILE_REJECT.REASON, CDR_FILE_REJECT.ROW_COUNT).values((Long) null, null, null));
            byReason.forEach((reason, count) -> batch.bind(fileId, reason.name(), count));
            batch.execute();
        }
    }

    /** A stored CDR as duplicate detection needs it: its content hash and where it came from. */
    public record StoredCdr(String contentHash, String fileName, long lineNo) {
    }

    /**
     * The stored CDRs with these keys, by cdr_id: one query per chunk, by {@code cdr}'s primary key
     * ({@code cdr_key}). Asked only for the rows whose cdr_id's fingerprint is known ({@link KnownCdrIds}).
     */
    public Map<String, StoredCdr> storedCdrs(Collection<Long> keys) {
        Map<String, StoredCdr> stored = new HashMap<>();
        if (keys.isEmpty()) {
            return stored;
        }
        db.select(CDR.CDR_ID, CDR.CONTENT_HASH, CDR_FILE.FILE_NAME, CDR.LINE_NO).from(CDR)
                .join(CDR_FILE).on(CDR_FILE.FILE_ID.eq(CDR.FILE_ID))
                .where(CDR.CDR_KEY.in(keys))
                .forEach(r -> stored.put(r.value1(), new StoredCdr(r.value2(), r.value3(), r.value4())));
        return stored;
    }

    /**
     * Adds the fingerprint and key of every CDR stored in {@code period} to {@code known}, streamed. A CDR stored
     * before V60 has no fingerprint: it is computed from its cdr_id, which is read only for those.
     */
    public void loadFingerprints(String period, KnownCdrIds known) {
        var query = db.select(CDR.CDR_FP, CDR.CDR_KEY, DSL.when(CDR.CDR_FP.isNull(), CDR.CDR_ID)).from(CDR)
                .where(CDR.PERIOD.eq(period));
        try (ResultSet rows = query.fetchSize(FINGERPRINT_FETCH_SIZE).fetchResultSet()) {
            while (rows.next()) {
                long fingerprint = rows.getLong(1);
                known.addStored(rows.wasNull() ? CdrIdFingerprint.of(rows.getString(3)) : fingerprint, rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot read the cdr_ids stored in " + period + ": " + e.getMessage(), e);
        }
        known.periodLoaded(period);
    }

    /** The columns of an accepted CDR, in the order {@link #insertCdrs} writes them. */
    private static final List<Field<?>> CDR_COLUMNS = List.of(CDR.CDR_KEY, CDR.CDR_ID, CDR.FILE_ID, CDR.LINE_NO,
            CDR.CALL_ID, CDR.TRUNK_ID, CDR.CDR_TRUNK_ID, CDR.FRESHWORKS_OUTBOUND, CDR.ACCOUNT_ID, CDR.DATA_CENTER, CDR.SOURCE,
            CDR.DIRECTION, CDR.CALLER, CDR.CALLEE, CDR.START_TIME, CDR.ANSWER_TIME, CDR.END_TIME, CDR.SIP_STATUS,
            CDR.DISCONNECT_REASON, CDR.CODEC, CDR.PERIOD, CDR.CONTENT_HASH, CDR.CDR_FP);

    /**
     * The accepted CDRs of a chunk through {@link BulkRowWriter} on the transaction's connection: one
     * {@code COPY ... FROM STDIN} on PostgreSQL (several times faster than a batch of inserts), one JDBC batch on H2.
     * Plain JDBC rather than jOOQ's batch binding: it is the hot path of the import (jOOQ's per-value conversions cost
     * more than the database's work here).
     */
    public void insertCdrs(long fileId, List<AcceptedCdr> cdrs) {
        if (cdrs.isEmpty()) {
            return;
        }
        db.connection(connection -> write(connection, fileId, cdrs));
    }

    private static void write(Connection connection, long fileId, List<AcceptedCdr> cdrs) {
        try (BulkRowWriter rows = BulkRowWriter.open(connection, CDR, CDR_COLUMNS)) {
            for (AcceptedCdr accepted : cdrs) {
                var cdr = accepted.cdr();
                var outcome = accepted.attribution();
                rows.number(accepted.key()).text(cdr.cdrId()).number(fileId).number(cdr.lineNo())
                        .text(cdr.callId())
                        .text(outcome.trunkId()).text(cdr.trunkId()).bool(outcome.freshworksOutbound())
                        .text(outcome.accountId())
                        .text(outcome.dataCenter() == null ? null : outcome.dataCenter().name())
                        .text(cdr.source()).text(cdr.direction().name()).text(cdr.caller()).text(cdr.callee())
                        .instant(cdr.startTime()).instant(cdr.answerTime()).instant(cdr.endTime())
                        .number(cdr.sipStatus()).text(cdr.disconnectReason()).text(cdr.codec())
                        .text(accepted.period()).text(cdr.contentHash()).number(accepted.fingerprint())
                        .endRow();
            }
        }
    }
}
