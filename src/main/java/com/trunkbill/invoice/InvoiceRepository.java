package com.trunkbill.invoice;

import com.trunkbill.db.jooq.tables.records.InvoiceLineRecord;
import com.trunkbill.db.jooq.tables.records.InvoiceRecord;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.InvoiceIssue;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.invoice.model.UsageTotal;
import com.trunkbill.rating.RatedUsage;
import com.trunkbill.rating.model.Category;
import com.trunkbill.support.BillingPeriod;
import org.javamoney.moneta.Money;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.trunkbill.db.jooq.Tables.INVOICE;
import static com.trunkbill.db.jooq.Tables.INVOICE_LINE;
import static com.trunkbill.db.jooq.Tables.INVOICE_NUMBER_COUNTER;

/**
 * Invoices and invoice lines in the database, and the usage they are built from. A FINAL invoice is never replaced
 * or deleted here (SPEC §5.4); numbers come from {@code invoice_number_counter}, updated in the transaction that
 * finalizes, so a rolled-back finalization leaves no gap.
 */
@Repository
public class InvoiceRepository {

    private static final int NOTE_LENGTH = 500;
    private static final int HOLD_REASON_LENGTH = 2000;
    private static final int IN_LIST_SIZE = 1000;

    private final DSLContext db;
    private final RatedUsage ratedUsage;

    public InvoiceRepository(DSLContext db, RatedUsage ratedUsage) {
        this.db = db;
        this.ratedUsage = ratedUsage;
    }

    /**
     * The rated usage of a period ({@link RatedUsage#usageLines}: current RATED ratings that bill something, summed
     * per account, trunk, category, destination and rate currency in one query), by account. US_UNLIMITED minutes
     * are charged 0 per minute.
     */
    public Map<String, List<UsageTotal>> usageByAccount(BillingPeriod period) {
        Map<String, List<UsageTotal>> usage = new LinkedHashMap<>();
        for (RatedUsage.UsageLine line : ratedUsage.usageLines(period)) {
            String category = line.category() == null ? null : line.category().name();
            BigDecimal unitPrice = line.category() == Category.US_UNLIMITED ? BigDecimal.ZERO
                    : line.uniformRatePerMinute();
            usage.computeIfAbsent(line.accountId(), id -> new ArrayList<>()).add(new UsageTotal(
                    line.accountId(), line.trunkId(), category, line.destination(),
                    line.currency() == null ? null : line.currency().getCurrencyCode(), unitPrice,
                    line.billedSeconds(), line.cost() == null ? BigDecimal.ZERO
                    : line.cost().getNumber().numberValue(BigDecimal.class)));
        }
        return usage;
    }

    /** Every invoice and note of a period with its lines, by invoice id (ordered). */
    public Map<String, Invoice> invoicesOf(BillingPeriod period) {
        Map<String, List<InvoiceLine>> lines = new HashMap<>();
        db.select(INVOICE_LINE.fields()).select(INVOICE.CURRENCY)
                .from(INVOICE_LINE).join(INVOICE).on(INVOICE.INVOICE_ID.eq(INVOICE_LINE.INVOICE_ID))
                .where(INVOICE.PERIOD.eq(period.toString()))
                .orderBy(INVOICE_LINE.INVOICE_ID, INVOICE_LINE.LINE_NO)
                .forEach(r -> lines.computeIfAbsent(r.get(INVOICE_LINE.INVOICE_ID), id -> new ArrayList<>())
                        .add(toLine(r.into(INVOICE_LINE), r.get(INVOICE.CURRENCY))));
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        for (InvoiceRecord r : db.selectFrom(INVOICE).where(INVOICE.PERIOD.eq(period.toString()))
                .orderBy(INVOICE.INVOICE_ID).fetch()) {
            String currency = r.getCurrency();
            invoices.put(r.getInvoiceId(), new Invoice(r.getInvoiceId(), r.getInvoiceNumber(), r.getAccountId(),
                    r.getPeriod(), currency, InvoiceStatus.valueOf(r.getStatus()), r.getHoldReason(),
                    money(r.getSubtotal(), currency), money(r.getTaxTotal(), currency), money(r.getTotal(), currency),
                    r.getAdjustsInvoiceId(), lines.getOrDefault(r.getInvoiceId(), List.of())));
        }
        return invoices;
    }

    /** Number, creation and finalization instants of the given invoices (ids not stored are left out). */
    public Map<String, InvoiceIssue> issues(Collection<String> invoiceIds) {
        Map<String, InvoiceIssue> issues = new HashMap<>();
        List<String> ids = List.copyOf(invoiceIds);
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
            db.select(INVOICE.INVOICE_ID, INVOICE.INVOICE_NUMBER, INVOICE.CREATED_AT, INVOICE.FINALIZED_AT)
                    .from(INVOICE).where(INVOICE.INVOICE_ID.in(slice))
                    .forEach(r -> issues.put(r.value1(), new InvoiceIssue(r.value1(), r.value2(), r.value3(),
                            r.value4())));
        }
        return issues;
    }

    /**
     * Stores a DRAFT or ON_HOLD invoice in place of its previous build (lines deleted and inserted again).
     *
     * @throws IllegalStateException when the stored invoice is FINAL: a final invoice is never rebuilt
     */
    public void replace(Invoice invoice, Instant now) {
        store(List.of(invoice), List.of(), now);
    }

    /** Deletes a DRAFT or ON_HOLD invoice and its lines; a FINAL one is never deleted. */
    public void delete(String invoiceId) {
        store(List.of(), List.of(invoiceId), Instant.now());
    }

    /**
     * One rebuild in a few statements: the previous builds of {@code replacements} and the invoices named in
     * {@code removals} are deleted with their lines, then the replacements are inserted in batches. Refused as a
     * whole when any of them is stored FINAL (SPEC §5.4: a final invoice never changes).
     */
    public void store(List<Invoice> replacements, List<String> removals, Instant now) {
        List<String> ids = new ArrayList<>(removals);
        for (Invoice invoice : replacements) {
            if (invoice.status() == InvoiceStatus.FINAL) {
                throw new IllegalArgumentException("invoice " + invoice.invoiceId()
                        + ": a FINAL invoice is not stored by a rebuild");
            }
            ids.add(invoice.invoiceId());
        }
        for (int from = 0; from < ids.size(); from += IN_LIST_SIZE) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST_SIZE));
            List<String> finals = db.select(INVOICE.INVOICE_ID).from(INVOICE)
                    .where(INVOICE.INVOICE_ID.in(slice)).and(INVOICE.STATUS.eq(InvoiceStatus.FINAL.name()))
                    .fetch(INVOICE.INVOICE_ID);
            if (!finals.isEmpty()) {
                throw new IllegalStateException("invoice " + String.join(", ", finals)
                        + " is FINAL: it is never rebuilt or deleted");
            }
            db.deleteFrom(INVOICE_LINE).where(INVOICE_LINE.INVOICE_ID.in(slice)).execute();
            db.deleteFrom(INVOICE).where(INVOICE.INVOICE_ID.in(slice)).execute();
        }
        List<InvoiceRecord> headers = new ArrayList<>();
        List<InvoiceLineRecord> lines = new ArrayList<>();
        for (Invoice invoice : replacements) {
            headers.add(toRecord(invoice, now));
            int lineNo = 0;
            for (InvoiceLine line : invoice.lines()) {
                lines.add(toRecord(invoice.invoiceId(), ++lineNo, line));
            }
        }
        if (!headers.isEmpty()) {
            db.batchInsert(headers).execute();
        }
        if (!lines.isEmpty()) {
            db.batchInsert(lines).execute();
        }
    }

    /** The DRAFT invoices and notes of a period, in the order they are finalized (by invoice id). */
    public List<String> draftIds(BillingPeriod period) {
        return db.select(INVOICE.INVOICE_ID).from(INVOICE)
                .where(INVOICE.PERIOD.eq(period.toString()))
                .and(INVOICE.STATUS.eq(InvoiceStatus.DRAFT.name()))
                .orderBy(INVOICE.INVOICE_ID)
                .fetch(INVOICE.INVOICE_ID);
    }

    /**
     * Makes a DRAFT invoice FINAL with the next number of its period, {@code INV-YYYYMM-NNNNNN} (SPEC §5.4). Must run
     * in the caller's transaction: the counter update (which locks the period's counter row until commit) and the
     * status change commit or roll back together, so numbers have no gap.
     *
     * @return the number given
     */
    public String finalizeInvoice(String invoiceId, Instant now) {
        InvoiceRecord invoice = db.selectFrom(INVOICE).where(INVOICE.INVOICE_ID.eq(invoiceId)).fetchOne();
        if (invoice == null || !InvoiceStatus.DRAFT.name().equals(invoice.getStatus())) {
            throw new IllegalStateException("invoice " + invoiceId + " is "
                    + (invoice == null ? "not stored" : invoice.getStatus()) + ": only a DRAFT is finalized");
        }
        BillingPeriod period = BillingPeriod.parse(invoice.getPeriod());
        int updated = db.update(INVOICE_NUMBER_COUNTER)
                .set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, INVOICE_NUMBER_COUNTER.LAST_NUMBER.plus(1))
                .where(INVOICE_NUMBER_COUNTER.PERIOD.eq(period.toString()))
                .execute();
        if (updated == 0) {
            db.insertInto(INVOICE_NUMBER_COUNTER)
                    .set(INVOICE_NUMBER_COUNTER.PERIOD, period.toString())
                    .set(INVOICE_NUMBER_COUNTER.LAST_NUMBER, 1)
                    .execute();
        }
        int number = db.select(INVOICE_NUMBER_COUNTER.LAST_NUMBER).from(INVOICE_NUMBER_COUNTER)
                .where(INVOICE_NUMBER_COUNTER.PERIOD.eq(period.toString()))
                .fetchOne(INVOICE_NUMBER_COUNTER.LAST_NUMBER);
        String invoiceNumber = String.format("INV-%s-%06d", period.compact(), number);
        int finalized = db.update(INVOICE)
                .set(INVOICE.STATUS, InvoiceStatus.FINAL.name())
                .set(INVOICE.INVOICE_NUMBER, invoiceNumber)
                .set(INVOICE.FINALIZED_AT, now)
                .where(INVOICE.INVOICE_ID.eq(invoiceId))
                .and(INVOICE.STATUS.eq(InvoiceStatus.DRAFT.name()))
                .execute();
        if (finalized != 1) {
            throw new IllegalStateException("invoice " + invoiceId + " changed while it was finalized");
        }
        return invoiceNumber;
    }

    private static InvoiceRecord toRecord(Invoice invoice, Instant now) {
        InvoiceRecord r = new InvoiceRecord();
        r.setInvoiceId(invoice.invoiceId());
        r.setAccountId(invoice.accountId());
        r.setPeriod(invoice.period());
        r.setCurrency(invoice.currency());
        r.setStatus(invoice.status().name());
        r.setHoldReason(invoice.holdReason() == null || invoice.holdReason().length() <= HOLD_REASON_LENGTH
                ? invoice.holdReason() : invoice.holdReason().substring(0, HOLD_REASON_LENGTH - 3) + "...");
        r.setSubtotal(Rounding.decimal(invoice.subtotal()));
        r.setTaxTotal(Rounding.decimal(invoice.taxTotal()));
        r.setTotal(Rounding.decimal(invoice.total()));
        r.setAdjustsInvoiceId(invoice.adjustsInvoiceId());
        r.setCreatedAt(now);
        return r;
    }

    private static InvoiceLineRecord toRecord(String invoiceId, int lineNo, InvoiceLine line) {
        InvoiceLineRecord r = new InvoiceLineRecord();
        r.setInvoiceId(invoiceId);
        r.setLineNo(lineNo);
        r.setKind(line.kind().name());
        r.setTrunkId(line.trunkId());
        r.setTrunkName(line.trunkName());
        r.setCategory(line.category());
        r.setDestination(line.destination());
        r.setQuantity(line.quantity());
        r.setUnit(line.unit());
        r.setUnitPrice(line.unitPrice());
        r.setAmount(Rounding.decimal(line.amount()));
        r.setCurrency(line.currency());
        r.setTaxCode(line.taxCode());
        r.setJurisdiction(line.jurisdiction());
        r.setNote(line.note() == null || line.note().length() <= NOTE_LENGTH ? line.note()
                : line.note().substring(0, NOTE_LENGTH - 3) + "...");
        r.setTaxBase(line.taxBase() == null ? null : Rounding.decimal(line.taxBase()));
        r.setAdjustedKind(line.adjustedKind() == null ? null : line.adjustedKind().name());
        return r;
    }

    private static InvoiceLine toLine(InvoiceLineRecord r, String invoiceCurrency) {
        String currency = r.getCurrency() == null ? invoiceCurrency : r.getCurrency();
        return new InvoiceLine(LineKind.valueOf(r.getKind()), r.getTrunkId(), r.getTrunkName(), r.getCategory(),
                r.getDestination(), r.getQuantity(), r.getUnit(), r.getUnitPrice(), money(r.getAmount(), currency),
                r.getTaxCode(), r.getJurisdiction(), r.getNote(),
                r.getTaxBase() == null ? null : money(r.getTaxBase(), currency),
                r.getAdjustedKind() == null ? null : LineKind.valueOf(r.getAdjustedKind()));
    }

    private static MonetaryAmount money(BigDecimal amount, String currency) {
        return Money.of(Rounding.round(amount, currency), currency);
    }
}
