package com.trunkbill.report;

import com.trunkbill.rating.RatedUsage;
import com.trunkbill.support.BillingPeriod;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.INVOICE;

/** The invoicing and rating figures of a period that {@code index.html} shows, one query per table each. */
@Repository
public class FinanceRepository {

    /** How many destinations the "top destinations" table lists. */
    static final int TOP_DESTINATIONS = 15;

    private static final String ON_HOLD = "ON_HOLD";

    private final DSLContext db;
    private final RatedUsage ratedUsage;

    public FinanceRepository(DSLContext db, RatedUsage ratedUsage) {
        this.db = db;
        this.ratedUsage = ratedUsage;
    }

    public record InvoiceSummary(String invoiceId, String invoiceNumber, String accountId, String accountName,
                                 String currency, String status, String holdReason, BigDecimal subtotal,
                                 BigDecimal taxTotal, BigDecimal total, String adjustsInvoiceId) {
    }

    /**
     * Invoiced totals of one account in one currency: FINAL and DRAFT invoices and notes (adjustment notes included);
     * ON_HOLD invoices are not invoiced yet and are summed apart ({@code onHoldTotal}, {@code onHold} of them).
     */
    public record AccountTotal(String accountId, String accountName, String currency, int invoices,
                               BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total, int onHold,
                               BigDecimal onHoldTotal) {
    }

    /** The rated usage of one destination; cost is the sum of the unrounded CDR costs. */
    public record DestinationTotal(String destination, String category, String currency, long calls,
                                   long billedSeconds, BigDecimal cost) {
    }

    public List<InvoiceSummary> invoices(BillingPeriod period) {
        return db.select(INVOICE.INVOICE_ID, INVOICE.INVOICE_NUMBER, INVOICE.ACCOUNT_ID, ACCOUNT.NAME,
                        INVOICE.CURRENCY, INVOICE.STATUS, INVOICE.HOLD_REASON, INVOICE.SUBTOTAL, INVOICE.TAX_TOTAL,
                        INVOICE.TOTAL, INVOICE.ADJUSTS_INVOICE_ID)
                .from(INVOICE)
                .leftJoin(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(INVOICE.ACCOUNT_ID))
                .where(INVOICE.PERIOD.eq(period.toString()))
                .orderBy(INVOICE.ACCOUNT_ID, INVOICE.CREATED_AT, INVOICE.INVOICE_ID)
                .fetch(r -> new InvoiceSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11()));
    }

    public List<AccountTotal> accountTotals(BillingPeriod period) {
        Condition invoiced = INVOICE.STATUS.ne(ON_HOLD);
        Condition onHold = INVOICE.STATUS.eq(ON_HOLD);
        return db.select(INVOICE.ACCOUNT_ID, DSL.max(ACCOUNT.NAME), INVOICE.CURRENCY, DSL.count().filterWhere(invoiced),
                        DSL.sum(INVOICE.SUBTOTAL).filterWhere(invoiced), DSL.sum(INVOICE.TAX_TOTAL).filterWhere(invoiced),
                        DSL.sum(INVOICE.TOTAL).filterWhere(invoiced), DSL.count().filterWhere(onHold),
                        DSL.sum(INVOICE.TOTAL).filterWhere(onHold))
                .from(INVOICE)
                .leftJoin(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(INVOICE.ACCOUNT_ID))
                .where(INVOICE.PERIOD.eq(period.toString()))
                .groupBy(INVOICE.ACCOUNT_ID, INVOICE.CURRENCY)
                .orderBy(INVOICE.ACCOUNT_ID, INVOICE.CURRENCY)
                .fetch(r -> new AccountTotal(r.value1(), r.value2(), r.value3(), r.value4(), zeroIfNull(r.value5()),
                        zeroIfNull(r.value6()), zeroIfNull(r.value7()), r.value8(), zeroIfNull(r.value9())));
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /**
     * Per rate currency, the destinations with the largest rated cost (per category), from the rated usage of the
     * period ({@link RatedUsage#destinationsByCost}, one query). Costs in different currencies are never ranked
     * together: each currency has its own ranking of at most {@link #TOP_DESTINATIONS}, currencies in alphabetical
     * order.
     */
    public List<DestinationTotal> topDestinations(BillingPeriod period) {
        return ratedUsage.destinationsByCost(period).stream()
                .map(d -> new DestinationTotal(d.destination(), d.category() == null ? null : d.category().name(),
                        d.currency().getCurrencyCode(), d.calls(), d.billedSeconds(),
                        d.cost().getNumber().numberValue(BigDecimal.class)))
                .collect(Collectors.groupingBy(DestinationTotal::currency, TreeMap::new, Collectors.toList()))
                .values().stream()
                .flatMap(ranking -> ranking.stream().limit(TOP_DESTINATIONS))
                .toList();
    }
}
