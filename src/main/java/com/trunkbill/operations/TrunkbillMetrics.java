package com.trunkbill.operations;

import com.trunkbill.rating.RatedUsage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static com.trunkbill.db.jooq.Tables.CDR_FILE;
import static com.trunkbill.db.jooq.Tables.INVOICE;

/**
 * trunkbill's own metrics, read from the database at the end of every job (so they describe the database, not
 * one process; the rating figures come from {@link RatedUsage}): in Prometheus names
 * <ul>
 *   <li>{@code trunkbill_cdrs_rated_total}: CDRs whose current rating is RATED;</li>
 *   <li>{@code trunkbill_cdrs_rejected_total{reason}}: rejected CDRs by reason (NO_RATE from the current
 *       ratings; UNKNOWN_TRUNK, ACCOUNT_MISMATCH, NO_TRUNK, DUPLICATE_CONFLICT, MALFORMED from the import
 *       counters);</li>
 *   <li>{@code trunkbill_cdrs_duplicates_total}: duplicate rows skipped at import;</li>
 *   <li>{@code trunkbill_money_rated{currency}}: sum of the current RATED costs per rate currency;</li>
 *   <li>{@code trunkbill_invoices{status}}: invoices by status (DRAFT, FINAL, ON_HOLD), all periods.</li>
 * </ul>
 */
@Component
public class TrunkbillMetrics {

    static final List<String> REJECT_REASONS = List.of("NO_RATE", "UNKNOWN_TRUNK", "ACCOUNT_MISMATCH", "NO_TRUNK",
            "DUPLICATE_CONFLICT", "MALFORMED");
    static final List<String> INVOICE_STATUSES = List.of("DRAFT", "FINAL", "ON_HOLD");

    private final DSLContext db;
    private final RatedUsage ratedUsage;
    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private final Set<String> registered = new HashSet<>();

    public TrunkbillMetrics(DSLContext db, RatedUsage ratedUsage, MeterRegistry registry) {
        this.db = db;
        this.ratedUsage = ratedUsage;
        this.registry = registry;
        counter("trunkbill.cdrs.rated", "CDRs whose current rating is RATED", "rated", null, null);
        counter("trunkbill.cdrs.duplicates", "duplicate CDR rows skipped at import", "duplicates", null, null);
        REJECT_REASONS.forEach(reason -> counter("trunkbill.cdrs.rejected", "rejected CDRs by reason",
                "rejected." + reason, "reason", reason));
        INVOICE_STATUSES.forEach(status -> gauge("trunkbill.invoices", "invoices by status", "invoices." + status,
                "status", status));
    }

    /** Reads the current figures from the database (a handful of aggregate queries). */
    public synchronized void refresh() {
        RatedUsage.CurrentRatingCounts ratings = ratedUsage.currentRatingCounts();
        values.put("rated", (double) ratings.rated());
        values.put("rejected.NO_RATE", (double) ratings.noRate());
        var files = db.select(DSL.sum(CDR_FILE.UNKNOWN_TRUNK), DSL.sum(CDR_FILE.ACCOUNT_MISMATCH),
                        DSL.sum(CDR_FILE.NO_TRUNK), DSL.sum(CDR_FILE.DUPLICATE_CONFLICT), DSL.sum(CDR_FILE.MALFORMED),
                        DSL.sum(CDR_FILE.DUPLICATES))
                .from(CDR_FILE).fetchSingle();
        values.put("rejected.UNKNOWN_TRUNK", number(files.value1()));
        values.put("rejected.ACCOUNT_MISMATCH", number(files.value2()));
        values.put("rejected.NO_TRUNK", number(files.value3()));
        values.put("rejected.DUPLICATE_CONFLICT", number(files.value4()));
        values.put("rejected.MALFORMED", number(files.value5()));
        values.put("duplicates", number(files.value6()));
        ratedUsage.moneyRatedByCurrency().forEach((unit, amount) -> {
            String currency = unit.getCurrencyCode();
            gauge("trunkbill.money.rated", "sum of current rated CDR costs per rate currency",
                    "money." + currency, "currency", currency);
            values.put("money." + currency, amount.getNumber().doubleValue());
        });
        INVOICE_STATUSES.forEach(status -> values.put("invoices." + status, 0.0));
        db.select(INVOICE.STATUS, DSL.count()).from(INVOICE).groupBy(INVOICE.STATUS).forEach(r -> {
            gauge("trunkbill.invoices", "invoices by status", "invoices." + r.value1(), "status", r.value1());
            values.put("invoices." + r.value1(), r.value2().doubleValue());
        });
    }

    private void counter(String name, String description, String key, String tag, String tagValue) {
        if (registered.add(key)) {
            FunctionCounter.Builder<Map<String, Double>> builder = FunctionCounter
                    .builder(name, values, v -> v.getOrDefault(key, 0.0)).description(description);
            if (tag != null) {
                builder.tag(tag, tagValue);
            }
            builder.register(registry);
        }
    }

    private void gauge(String name, String description, String key, String tag, String tagValue) {
        if (registered.add(key)) {
            Gauge.builder(name, values, v -> v.getOrDefault(key, 0.0)).description(description).tag(tag, tagValue)
                    .register(registry);
        }
    }

    private static double number(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
    }
}
