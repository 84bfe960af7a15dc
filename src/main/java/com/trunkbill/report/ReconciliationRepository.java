package com.trunkbill.report;

import com.trunkbill.rating.RatedUsage;
import com.trunkbill.rating.RatedUsage.FileRating;
import com.trunkbill.rating.RatedUsage.FileRatingCounts;
import com.trunkbill.rating.RatedUsage.RatingError;
import com.trunkbill.rating.model.Anomaly;
import com.trunkbill.report.model.ReconciliationRow;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.trunkbill.db.jooq.Tables.CDR_FILE;

/**
 * The reconciliation of every CDR file ingested so far (SPEC §7, §8), whatever its period: the current ratings of
 * each file's CDRs come from {@link RatedUsage} (aggregate queries over {@code cdr} joined to the current ratings),
 * the import counters from one query over {@code cdr_file}; never a query per file.
 */
@Repository
public class ReconciliationRepository {

    private final DSLContext db;
    private final RatedUsage ratedUsage;

    public ReconciliationRepository(DSLContext db, RatedUsage ratedUsage) {
        this.db = db;
        this.ratedUsage = ratedUsage;
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

    /** Listed per CDR in reconciliation-detail.csv up to this many; beyond it only the count. */
    static final int LISTED_RATING_ERRORS = 1000;

    public Reconciliation reconcile() {
        Map<Long, FileRating> ratings = ratedUsage.ratingByFile();
        Map<Long, List<RatingError>> errors = ratedUsage.ratingErrorsByFile(LISTED_RATING_ERRORS);
        List<List<RatingError>> fileErrors = new ArrayList<>();
        List<ReconciliationRow> rows = new ArrayList<>();
        List<Map<String, Long>> fileAnomalies = new ArrayList<>();
        List<Map<String, BigDecimal>> fileMoney = new ArrayList<>();
        db.selectFrom(CDR_FILE).orderBy(CDR_FILE.INGESTED_AT, CDR_FILE.FILE_NAME, CDR_FILE.FILE_ID).forEach(file -> {
            FileRating fileRating = ratings.getOrDefault(file.getFileId(), FileRating.NONE);
            FileRatingCounts rating = fileRating.counts();
            // issue 12: a CDR set aside as RATING_ERROR counts under malformed, so the SPEC identity holds
            rows.add(new ReconciliationRow(baseName(file.getFileName()), file.getReadCount(), rating.rated(),
                    file.getDuplicates(), rating.anomalous(), rating.noRate(), file.getUnknownTrunk(),
                    file.getAccountMismatch(), file.getNoTrunk(), file.getDuplicateConflict(),
                    file.getMalformed() + rating.ratingErrors(), rating.notYetRated(), rating.ratingErrors()));
            fileErrors.add(errors.getOrDefault(file.getFileId(), List.of()));
            fileAnomalies.add(byName(fileRating.anomalies()));
            fileMoney.add(decimals(fileRating.moneyRated()));
        });
        return new Reconciliation(rows, ReconciliationRow.total(rows), fileAnomalies, fileMoney, fileErrors);
    }

    /** Anomaly code to CDRs, in code order. */
    private static Map<String, Long> byName(Map<Anomaly, Long> anomalies) {
        Map<String, Long> byName = new TreeMap<>();
        anomalies.forEach((kind, n) -> byName.put(kind.name(), n));
        return byName;
    }

    /** Currency code to amount, in code order. */
    private static Map<String, BigDecimal> decimals(Map<CurrencyUnit, MonetaryAmount> money) {
        Map<String, BigDecimal> decimals = new TreeMap<>();
        money.forEach((currency, amount) -> decimals.put(currency.getCurrencyCode(),
                amount.getNumber().numberValue(BigDecimal.class)));
        return decimals;
    }

    /** SPEC §7: {@code file} is the file's base name. */
    static String baseName(String fileName) {
        Path name = Path.of(fileName).getFileName();
        return name == null ? fileName : name.toString();
    }
}
