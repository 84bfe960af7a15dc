package com.trunkbill.invoice;

import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LevyingJurisdiction;
import com.trunkbill.invoice.model.TaxSummaryRow;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.support.BillingPeriod;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import java.util.List;

import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;

/**
 * The one tax summary of a period, read by {@code tax-summary.csv} and by {@code index.html} alike: every line with
 * a tax code (TAX lines and ADJUSTMENT lines of taxes) of every invoice and note of the period, summed per levying
 * jurisdiction ({@link LevyingJurisdiction}, from the active tax table), tax code, currency and invoice status.
 */
@Repository
public class TaxSummaryRepository {

    private final DSLContext db;

    private final RateTableRepository rateTables;

    public TaxSummaryRepository(DSLContext db, RateTableRepository rateTables) {
        this.db = db;
        this.rateTables = rateTables;
    }

    public List<TaxSummaryRow> taxSummary(BillingPeriod period) {
        List<TaxSummaryRow> perAddress = db.select(INVOICE_LINE.JURISDICTION, INVOICE_LINE.TAX_CODE, INVOICE_LINE.CURRENCY, INVOICE.STATUS,
                        DSL.sum(INVOICE_LINE.TAX_BASE), DSL.sum(INVOICE_LINE.AMOUNT))
                .from(INVOICE_LINE)
                .join(INVOICE).on(INVOICE.INVOICE_ID.eq(INVOICE_LINE.INVOICE_ID))
                .where(INVOICE.PERIOD.eq(period.toString())).and(INVOICE_LINE.TAX_CODE.isNotNull())
                .groupBy(INVOICE_LINE.JURISDICTION, INVOICE_LINE.TAX_CODE, INVOICE_LINE.CURRENCY, INVOICE.STATUS)
                .fetch(r -> new TaxSummaryRow(r.value1(), r.value2(), r.value3(), InvoiceStatus.valueOf(r.value4()),
                        r.value5(), r.value6()));
        return LevyingJurisdiction.regroup(perAddress, rateTables.activeTaxRates());
    }
}
