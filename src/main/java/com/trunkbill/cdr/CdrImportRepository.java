package com.trunkbill.cdr;

import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.db.CopyCsv;
import com.trunkbill.db.jooq.tables.records.CdrFileRecord;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.trunkbill.db.CopyCsv.quoted;
import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.CDR_FILE_REJECT;

/** Storage of ingested CDR files and accepted CDRs. Every method is one statement (or one JDBC batch). */
@Repository
public class CdrImportRepository {

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

    /** The stored CDRs among {@code cdrIds}, by id: one query per chunk. */
    public Map<String, StoredCdr> storedCdrs(Collection<String> cdrIds) {
        Map<String, StoredCdr> stored = new HashMap<>();
        if (cdrIds.isEmpty()) {
            return stored;
        }
        db.select(CDR.CDR_ID, CDR.CONTENT_HASH, CDR_FILE.FILE_NAME, CDR.LINE_NO).from(CDR)
                .join(CDR_FILE).on(CDR_FILE.FILE_ID.eq(CDR.FILE_ID))
                .where(CDR.CDR_ID.in(cdrIds))
                .forEach(r -> stored.put(r.value1(), new StoredCdr(r.value2(), r.value3(), r.value4())));
        return stored;
    }

    private static final String INSERT_CDR = "insert into cdr (cdr_id, file_id, line_no, call_id, trunk_id, "
            + "cdr_trunk_id, freshworks_outbound, account_id, data_center, source, direction, caller, callee, start_time, "
            + "answer_time, end_time, sip_status, disconnect_reason, codec, period, content_hash) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * One JDBC batch for the accepted CDRs of a chunk, on the transaction's connection. Plain JDBC rather than
     * jOOQ's batch binding: it is the hot path of the import (jOOQ's per-value conversions cost more than the
     * database's work here), and the statement is a fixed insert of the generated table's columns.
     */
    public void insertCdrs(long fileId, List<AcceptedCdr> cdrs) {
        if (cdrs.isEmpty()) {
            return;
        }
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            copyCdrs(fileId, cdrs);
            return;
        }
        db.connection(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_CDR)) {
                for (AcceptedCdr accepted : cdrs) {
                    var cdr = accepted.cdr();
                    var outcome = accepted.attribution();
                    insert.setString(1, cdr.cdrId());
                    insert.setLong(2, fileId);
                    insert.setLong(3, cdr.lineNo());
                    insert.setString(4, cdr.callId());
                    insert.setString(5, outcome.trunkId());
                    insert.setString(6, cdr.trunkId());
                    insert.setBoolean(7, outcome.freshworksOutbound());
                    insert.setString(8, outcome.accountId());
                    insert.setString(9, outcome.dataCenter() == null ? null : outcome.dataCenter().name());
                    insert.setString(10, cdr.source());
                    insert.setString(11, cdr.direction().name());
                    insert.setString(12, cdr.caller());
                    insert.setString(13, cdr.callee());
                    insert.setObject(14, utc(cdr.startTime()));
                    insert.setObject(15, utc(cdr.answerTime()));
                    insert.setObject(16, utc(cdr.endTime()));
                    insert.setInt(17, cdr.sipStatus());
                    insert.setString(18, cdr.disconnectReason());
                    insert.setString(19, cdr.codec());
                    insert.setString(20, accepted.period());
                    insert.setString(21, cdr.contentHash());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private static final String COPY_CDR = "copy cdr (cdr_id, file_id, line_no, call_id, trunk_id, cdr_trunk_id, "
            + "freshworks_outbound, account_id, data_center, source, direction, caller, callee, start_time, answer_time, "
            + "end_time, sip_status, disconnect_reason, codec, period, content_hash) from stdin with (format csv)";

    /**
     * PostgreSQL: the chunk as one {@code COPY ... FROM STDIN} (CSV; an unquoted empty field is NULL, text is
     * always quoted), several times faster than a batch of inserts. Same transaction as the rest of the file.
     */
    private void copyCdrs(long fileId, List<AcceptedCdr> cdrs) {
        StringBuilder rows = new StringBuilder(cdrs.size() * 320);
        for (AcceptedCdr accepted : cdrs) {
            var cdr = accepted.cdr();
            var outcome = accepted.attribution();
            quoted(rows, cdr.cdrId()).append(',').append(fileId).append(',').append(cdr.lineNo()).append(',');
            quoted(rows, cdr.callId()).append(',');
            quoted(rows, outcome.trunkId()).append(',');
            quoted(rows, cdr.trunkId()).append(',').append(outcome.freshworksOutbound()).append(',');
            quoted(rows, outcome.accountId()).append(',');
            quoted(rows, outcome.dataCenter() == null ? null : outcome.dataCenter().name()).append(',');
            quoted(rows, cdr.source()).append(',');
            quoted(rows, cdr.direction().name()).append(',');
            quoted(rows, cdr.caller()).append(',');
            quoted(rows, cdr.callee()).append(',');
            rows.append(cdr.startTime()).append(',');
            if (cdr.answerTime() != null) {
                rows.append(cdr.answerTime());
            }
            rows.append(',').append(cdr.endTime()).append(',').append(cdr.sipStatus()).append(',');
            quoted(rows, cdr.disconnectReason()).append(',');
            quoted(rows, cdr.codec()).append(',');
            quoted(rows, accepted.period()).append(',');
            quoted(rows, cdr.contentHash()).append('\n');
        }
        db.connection(connection -> CopyCsv.copyIn(connection, COPY_CDR, rows));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
