package com.trunkbill.report;

import com.trunkbill.support.BillingPeriod;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.List;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;

/** The invoicing and rating figures of a period that {@code index.html} shows, one query per table each. */
@Repository
public class FinanceRepository {

    /** How many destinations the "top destinations" table lists. */
    static final int TOP_DESTINATIONS = 15;

    private final DSLContext db;

    public FinanceRepository(DSLContext db) {
        this.db = db;
    }

    public record InvoiceSummary(String invoiceId, String invoiceNumber, String accountId, String accountName,
                                 String currency, String status, String holdReason, BigDecimal subtotal,
                                 BigDecimal taxTotal, BigDecimal total, String adjustsInvoiceId) {
    }

    /** Invoiced totals of one account in one currency (adjustment notes included). */
    public record AccountTotal(String accountId, String accountName, String currency, int invoices,
                               BigDecimal subtotal, BigDecimal taxTotal, BigDecimal total) {
    }

    public record TaxSummary(String jurisdiction, String taxCode, String currency, BigDecimal base,
                             BigDecimal tax) {
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
        return db.select(INVOICE.ACCOUNT_ID, DSL.max(ACCOUNT.NAME), INVOICE.CURRENCY, DSL.count(),
                        DSL.sum(INVOICE.SUBTOTAL), DSL.sum(INVOICE.TAX_TOTAL), DSL.sum(INVOICE.TOTAL))
                .from(INVOICE)
                .leftJoin(ACCOUNT).on(ACCOUNT.ACCOUNT_ID.eq(INVOICE.ACCOUNT_ID))
                .where(INVOICE.PERIOD.eq(period.toString()))
                .groupBy(INVOICE.ACCOUNT_ID, INVOICE.CURRENCY)
                .orderBy(INVOICE.ACCOUNT_ID, INVOICE.CURRENCY)
                .fetch(r -> new AccountTotal(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7()));
    }

    /** From the TAX lines of the period's invoices, per jurisdiction, tax code and currency. */
    public List<TaxSummary> taxSummary(BillingPeriod period) {
        return db.select(INVOICE_LINE.JURISDICTION, INVOICE_LINE.TAX_CODE, INVOICE_LINE.CURRENCY,
                        DSL.sum(INVOICE_LINE.TAX_BASE), DSL.sum(INVOICE_LINE.AMOUNT))
                .from(INVOICE_LINE)
                .join(INVOICE).on(INVOICE.INVOICE_ID.eq(INVOICE_LINE.INVOICE_ID))
                .where(INVOICE.PERIOD.eq(period.toString())).and(INVOICE_LINE.KIND.eq("TAX"))
                .groupBy(INVOICE_LINE.JURISDICTION, INVOICE_LINE.TAX_CODE, INVOICE_LINE.CURRENCY)
                .orderBy(INVOICE_LINE.JURISDICTION, INVOICE_LINE.TAX_CODE, INVOICE_LINE.CURRENCY)
                .fetch(r -> new TaxSummary(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The destinations with the largest rated cost (per category and rate currency), current RATED ratings of the period. */
    public List<DestinationTotal> topDestinations(BillingPeriod period) {
        Field<BigDecimal> cost = DSL.sum(RATED_CDR.COST);
        return db.select(RATED_CDR.DESTINATION, RATED_CDR.CATEGORY, RATED_CDR.CURRENCY, DSL.count(),
                        DSL.sum(RATED_CDR.BILLED_S), cost)
                .from(RATED_CDR)
                .where(RATED_CDR.PERIOD.eq(period.toString())).and(RATED_CDR.IS_CURRENT.isTrue())
                .and(RATED_CDR.STATUS.eq("RATED")).and(RATED_CDR.DESTINATION.isNotNull())
                .groupBy(RATED_CDR.DESTINATION, RATED_CDR.CATEGORY, RATED_CDR.CURRENCY)
                .orderBy(cost.desc(), DSL.count().desc(), RATED_CDR.DESTINATION)
                .limit(TOP_DESTINATIONS)
                .fetch(r -> new DestinationTotal(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5() == null ? 0 : r.value5().longValueExact(), r.value6()));
    }
}
