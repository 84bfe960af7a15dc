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

    /** Reconciliation of all files, in ingestion order, and the money and anomalies behind it. */
    public record Reconciliation(List<ReconciliationRow> files, ReconciliationRow total,
                                 Map<String, Map<String, Long>> anomaliesByKind,
                                 Map<String, Map<String, BigDecimal>> moneyRated) {

        /** Anomaly kind to CDR count over all files. */
        public Map<String, Long> totalAnomaliesByKind() {
            Map<String, Long> total = new TreeMap<>();
            anomaliesByKind.values().forEach(kinds -> kinds.forEach((kind, n) -> total.merge(kind, n, Long::sum)));
            return total;
        }

        /** Currency to money rated over all files. */
        public Map<String, BigDecimal> totalMoneyRated() {
            Map<String, BigDecimal> total = new TreeMap<>();
            moneyRated.values().forEach(money -> money.forEach((currency, amount) ->
                    total.merge(currency, amount, BigDecimal::add)));
            return total;
        }
    }

    private record RatingCounts(long rated, long anomalies, long noRate, long notYetRated) {
    }

    public Reconciliation reconcile() {
        Map<Long, RatingCounts> counts = ratingCountsByFile();
        Map<Long, String> fileNames = new HashMap<>();
        List<ReconciliationRow> rows = new ArrayList<>();
        db.selectFrom(CDR_FILE).orderBy(CDR_FILE.INGESTED_AT, CDR_FILE.FILE_ID).forEach(file -> {
            String name = baseName(file.getFileName());
            fileNames.put(file.getFileId(), name);
            RatingCounts rating = counts.getOrDefault(file.getFileId(), new RatingCounts(0, 0, 0, 0));
            rows.add(new ReconciliationRow(name, file.getReadCount(), rating.rated(), file.getDuplicates(),
                    rating.anomalies(), rating.noRate(), file.getUnknownTrunk(), file.getAccountMismatch(),
                    file.getNoTrunk(), file.getDuplicateConflict(), file.getMalformed(), rating.notYetRated()));
        });
        return new Reconciliation(rows, ReconciliationRow.total(rows), anomaliesByKind(fileNames),
                moneyRated(fileNames));
    }

    private Map<Long, RatingCounts> ratingCountsByFile() {
        Field<Long> rated = count(RATED_CDR.STATUS.eq("RATED"));
        Field<Long> anomalies = count(RATED_CDR.STATUS.eq("RATED").and(RATED_CDR.ANOMALIES.isNotNull()));
        Field<Long> noRate = count(RATED_CDR.STATUS.eq("NO_RATE"));
        Field<Long> notYetRated = count(RATED_CDR.CDR_ID.isNull());
        Map<Long, RatingCounts> counts = new HashMap<>();
        db.select(CDR.FILE_ID, rated, anomalies, noRate, notYetRated)
                .from(CDR)
                .leftJoin(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .groupBy(CDR.FILE_ID)
                .forEach(r -> counts.put(r.value1(), new RatingCounts(r.value2(), r.value3(), r.value4(),
                        r.value5())));
        return counts;
    }

    /** File name to anomaly kind to CDRs; a CDR with several kinds counts once under each kind. */
    private Map<String, Map<String, Long>> anomaliesByKind(Map<Long, String> fileNames) {
        Map<String, Map<String, Long>> byFile = new HashMap<>();
        Field<Integer> n = DSL.count();
        db.select(CDR.FILE_ID, RATED_CDR.ANOMALIES, n)
                .from(CDR)
                .join(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(RATED_CDR.STATUS.eq("RATED")).and(RATED_CDR.ANOMALIES.isNotNull())
                .groupBy(CDR.FILE_ID, RATED_CDR.ANOMALIES)
                .forEach(r -> {
                    Map<String, Long> kinds = byFile.computeIfAbsent(fileNames.getOrDefault(r.value1(),
                            "file " + r.value1()), f -> new TreeMap<>());
                    for (String kind : r.value2().split(",")) {
                        if (!kind.isBlank()) {
                            kinds.merge(kind.trim(), r.value3().longValue(), Long::sum);
                        }
                    }
                });
        return byFile;
    }

    /** File name to currency to the sum of the unrounded costs of its RATED CDRs. */
    private Map<String, Map<String, BigDecimal>> moneyRated(Map<Long, String> fileNames) {
        Map<String, Map<String, BigDecimal>> byFile = new HashMap<>();
        db.select(CDR.FILE_ID, RATED_CDR.CURRENCY, DSL.sum(RATED_CDR.COST))
                .from(CDR)
                .join(RATED_CDR).on(RATED_CDR.CDR_ID.eq(CDR.CDR_ID).and(RATED_CDR.IS_CURRENT.isTrue()))
                .where(RATED_CDR.STATUS.eq("RATED")).and(RATED_CDR.CURRENCY.isNotNull())
                .groupBy(CDR.FILE_ID, RATED_CDR.CURRENCY)
                .forEach(r -> byFile.computeIfAbsent(fileNames.getOrDefault(r.value1(), "file " + r.value1()),
                        f -> new TreeMap<>()).merge(r.value2(), r.value3(), BigDecimal::add));
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
