package com.trunkbill.report;

import com.trunkbill.report.model.ReconciliationRow;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.trunkbill.db.jooq.Tables.CDR;
import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;

/**
 * The reconciliation of every CDR file ingested so far (SPEC §7, §8), whatever its period: one aggregate
 * query over {@code cdr} joined to the current ratings, one over {@code cdr_file}, never a query per file.
 */
@Repository
public class ReconciliationRepository {

    private final DSLContext db;

    public ReconciliationRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Reconciliation of all files, in ingestion order, and the money and anomalies behind it: the i-th map of
     * {@code anomaliesByKind} (kind to CDRs) and of {@code moneyRated} (currency to amount) belong to the i-th
     * file (files are told apart by id, not by their possibly repeated base name).
     */
    public record Reconciliation(List<ReconciliationRow> files, ReconciliationRow total,
                                 List<Map<String, Long>> anomaliesByKind,
                                 List<Map<String, BigDecimal>> moneyRated,
                                 List<List<RatingError>> ratingErrors) {

        /** Anomaly kind to CDR count over all files. */
        public Map<String, Long> totalAnomaliesByKind() {
            Map<String, Long> total = new TreeMap<>();
            anomaliesByKind.forEach(kinds -> kinds.forEach((kind, n) -> total.merge(kind, n, Long::sum)));
            return total;
        }

        /** Currency to money rated over all files. */
        public Map<String, BigDecimal> totalMoneyRated() {
            Map<String, BigDecimal> total = new TreeMap<>();
            moneyRated.forEach(money -> money.forEach((currency, amount) ->
                    total.merge(currency, amount, BigDecimal::add)));
            return total;
        }
    }

    /** A CDR set aside as RATING_ERROR and why (issue 12). */
    public record RatingError(String cdrId, String error) {
    }

    private record RatingCounts(long rated, long anomalies, long noRate, long notYetRated, long ratingErrors) {
    }

    /** Listed per CDR in reconciliation-detail.csv up to this many; beyond it only the count. */
    static final int LISTED_RATING_ERRORS = 1000;

    public Reconciliation reconcile() {
        Map<Long, RatingCounts> counts = ratingCountsByFile();
        Map<Long, Map<String, Long>> anomalies = anomaliesByKind();
        Map<Long, Map<String, BigDecimal>> money = moneyRated();
        Map<Long, List<RatingError>> errors = ratingErrors();
        List<List<RatingError>> fileErrors = new ArrayList<>();
        List<ReconciliationRow> rows = new ArrayList<>();
        List<Map<String, Long>> fileAnomalies = new ArrayList<>();
        List<Map<String, BigDecimal>> fileMoney = new ArrayList<>();
        db.selectFrom(CDR_FILE).orderBy(CDR_FILE.INGESTED_AT, CDR_FILE.FILE_ID).forEach(file -> {
            RatingCounts rating = counts.getOrDefault(file.getFileId(), new RatingCounts(0, 0, 0, 0, 0));
            // issue 12: a CDR set aside as RATING_ERROR counts under malformed, so the SPEC identity holds
            rows.add(new ReconciliationRow(baseName(file.getFileName()), file.getReadCount(), rating.rated(),
                    file.getDuplicates(), rating.anomalies(), rating.noRate(), file.getUnknownTrunk(),
                    file.getAccountMismatch(), file.getNoTrunk(), file.getDuplicateConflict(),
                    file.getMalformed() + rating.ratingErrors(), rating.notYetRated(), rating.ratingErrors()));
            fileErrors.add(errors.getOrDefault(file.getFileId(), List.of()));
            fileAnomalies.add(anomalies.getOrDefault(file.getFileId(), Map.of()));
            fileMoney.add(money.getOrDefault(file.getFileId(), Map.of()));
        });
        return new Reconciliation(rows, ReconciliationRow.total(rows), fileAnomalies, fileMoney, fileErrors);
    }

    private Map<Long, RatingCounts> ratingCountsByFile() {
        Field<Long> rated = count(RATED_CDR.STATUS.eq("RATED"));
        Field<Long> anomalies = count(RATED_CDR.STATUS.eq("RATED").and(RATED_CDR.ANOMALIES.isNotNull()));
        Field<Long> noRate = count(RATED_CDR.STATUS.eq("NO_RATE"));
        Field<Long> notYetRated = count(RATED_CDR.CDR_ID.isNull());
        Field<Long> ratingErrors = count(RATED_CDR.STATUS.eq("RATING_ERROR"));
        Map<Long, RatingCounts> counts = new HashMap<>();
        db.select(CDR.FILE_ID, rated, anomalies, noRate, notYetRated, ratingErrors)
                .from(CDR)
                .leftJoin(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .groupBy(CDR.FILE_ID)
                .forEach(r -> counts.put(r.value1(), new RatingCounts(r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6())));
        return counts;
    }

    /** File id to its first {@value #LISTED_RATING_ERRORS} RATING_ERROR CDRs (all files), in cdr_id order. */
    private Map<Long, List<RatingError>> ratingErrors() {
        Map<Long, List<RatingError>> byFile = new HashMap<>();
        db.select(CDR.FILE_ID, CDR.CDR_ID, RATED_CDR.RATING_ERROR)
                .from(CDR)
                .join(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(RATED_CDR.STATUS.eq("RATING_ERROR"))
                .orderBy(CDR.CDR_ID)
                .limit(LISTED_RATING_ERRORS)
                .forEach(r -> byFile.computeIfAbsent(r.value1(), f -> new ArrayList<>())
                        .add(new RatingError(r.value2(), r.value3())));
        return byFile;
    }

    /** File id to anomaly kind to CDRs; a CDR with several kinds counts once under each kind. */
    private Map<Long, Map<String, Long>> anomaliesByKind() {
        Map<Long, Map<String, Long>> byFile = new HashMap<>();
        Field<Integer> n = DSL.count();
        db.select(CDR.FILE_ID, RATED_CDR.ANOMALIES, n)
                .from(CDR)
                .join(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(RATED_CDR.STATUS.eq("RATED")).and(RATED_CDR.ANOMALIES.isNotNull())
                .groupBy(CDR.FILE_ID, RATED_CDR.ANOMALIES)
                .forEach(r -> {
                    Map<String, Long> kinds = byFile.computeIfAbsent(r.value1(), f -> new TreeMap<>());
                    for (String kind : r.value2().split(",")) {
                        if (!kind.isBlank()) {
                            kinds.merge(kind.trim(), r.value3().longValue(), Long::sum);
                        }
                    }
                });
        return byFile;
    }

    /** File id to currency to the sum of the unrounded costs of its RATED CDRs. */
    private Map<Long, Map<String, BigDecimal>> moneyRated() {
        Map<Long, Map<String, BigDecimal>> byFile = new HashMap<>();
        db.select(CDR.FILE_ID, RATED_CDR.CURRENCY, DSL.sum(RATED_CDR.COST))
                .from(CDR)
                .join(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(RATED_CDR.STATUS.eq("RATED")).and(RATED_CDR.CURRENCY.isNotNull())
                .groupBy(CDR.FILE_ID, RATED_CDR.CURRENCY)
                .forEach(r -> byFile.computeIfAbsent(r.value1(), f -> new TreeMap<>())
                        .merge(r.value2(), r.value3(), BigDecimal::add));
        return byFile;
    }

    private static Field<Long> count(org.jooq.Condition condition) {
        return DSL.sum(DSL.when(condition, DSL.inline(1)).otherwise(DSL.inline(0))).cast(SQLDataType.BIGINT);
    }

    /** SPEC §7: {@code file} is the file's base name. */
    static String baseName(String fileName) {
        Path name = Path.of(fileName).getFileName();
        return name == null ? fileName : name.toString();
    }
}
