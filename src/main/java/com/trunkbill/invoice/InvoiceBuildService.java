package com.trunkbill.invoice;

import com.trunkbill.inventory.InventoryRepository;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.invoice.model.Adjustments;
import com.trunkbill.invoice.model.FxRateProvider;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceGenerator;
import com.trunkbill.invoice.model.InvoiceInput;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.UsageTotal;
import com.trunkbill.ratetable.RateTableRepository;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.TaxRow;
import com.trunkbill.support.BillingPeriod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds (or rebuilds) the invoices of a period (SPEC §5, §4.6): for every account, the invoice is computed in
 * memory; a DRAFT or ON_HOLD invoice is replaced by it (or deleted when the account no longer gets one); a FINAL
 * invoice is never touched: the difference becomes one adjustment note (a DRAFT note is rebuilt, a stale one
 * deleted). Runs in the caller's transaction.
 */
@Service
public class InvoiceBuildService {

    private final InventoryRepository inventory;
    private final RateTableRepository rateTables;
    private final InvoiceRepository invoices;
    private final String sellerCountry;
    private final Clock clock;
    private final InvoiceGenerator generator = new InvoiceGenerator();

    public InvoiceBuildService(InventoryRepository inventory, RateTableRepository rateTables, InvoiceRepository invoices,
                               @Value("${trunkbill.seller-country:HR}") String sellerCountry) {
        this.inventory = inventory;
        this.rateTables = rateTables;
        this.invoices = invoices;
        this.sellerCountry = sellerCountry;
        this.clock = Clock.systemUTC();
    }

    /** What a build did, for the job summary. */
    public record BuildResult(int built, int onHold, int adjustmentNotes, int removed, int finalUnchanged) {
    }

    public BuildResult build(BillingPeriod period) {
        Instant now = clock.instant();
        Map<String, Account> accounts = inventory.accounts();
        Map<String, ServiceAddress> addresses = inventory.serviceAddresses();
        Map<String, List<TrunkTimeline>> trunksByAccount = new HashMap<>();
        inventory.trunkTimelines().values().forEach(trunk ->
                trunksByAccount.computeIfAbsent(trunk.accountId(), id -> new ArrayList<>()).add(trunk));
        List<ChannelPlanRow> plans = rateTables.activeChannelPlans();
        List<TaxRow> taxRows = rateTables.activeTaxRates();
        FxRateProvider fx = new FxRateProvider(rateTables.activeFxRates());
        Map<String, List<UsageTotal>> usage = invoices.usageByAccount(period);
        Map<String, Invoice> stored = invoices.invoicesOf(period);

        List<Invoice> replacements = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        int built = 0;
        int onHold = 0;
        int notes = 0;
        int removed = 0;
        int finalUnchanged = 0;
        for (Account account : accounts.values()) {
            String invoiceId = Invoice.invoiceId(account.accountId(), period.compact());
            Invoice existing = stored.get(invoiceId);
            boolean isFinal = existing != null && existing.status() == InvoiceStatus.FINAL;
            // a note is in the currency of the invoice it adjusts, even if the account's currency changed since
            Account billed = isFinal && !existing.currency().equals(account.currency())
                    ? new Account(account.accountId(), account.name(), existing.currency(), account.country(),
                            account.priceList(), account.vatId())
                    : account;
            List<TrunkTimeline> trunks = trunksByAccount.getOrDefault(account.accountId(), List.of());
            InvoiceInput input = new InvoiceInput(billed, period, trunks, addressesOf(trunks, addresses), plans,
                    taxRows, fx, usage.getOrDefault(account.accountId(), List.of()), sellerCountry);
            Optional<Invoice> computed = generator.generate(input);
            if (isFinal) {
                Optional<Invoice> note = adjust(existing, stored, computed, replacements, removals);
                if (note.isPresent()) {
                    notes++;
                } else {
                    finalUnchanged++;
                }
            } else if (computed.isPresent()) {
                replacements.add(computed.get());
                built++;
                if (computed.get().status() == InvoiceStatus.ON_HOLD) {
                    onHold++;
                }
            } else if (existing != null) {
                removals.add(existing.invoiceId());
                removed++;
            }
        }
        invoices.store(replacements, removals, now);
        return new BuildResult(built, onHold, notes, removed, finalUnchanged);
    }

    private static Map<String, ServiceAddress> addressesOf(List<TrunkTimeline> trunks,
                                                           Map<String, ServiceAddress> addresses) {
        Map<String, ServiceAddress> used = new HashMap<>();
        for (TrunkTimeline trunk : trunks) {
            if (trunk.serviceAddressId() != null && addresses.containsKey(trunk.serviceAddressId())) {
                used.put(trunk.serviceAddressId(), addresses.get(trunk.serviceAddressId()));
            }
        }
        return used;
    }

    /** SPEC §4.6: one note for the difference between the final invoice (with its final notes) and now. */
    private static Optional<Invoice> adjust(Invoice finalInvoice, Map<String, Invoice> stored,
                                            Optional<Invoice> computed, List<Invoice> replacements,
                                            List<String> removals) {
        List<InvoiceLine> invoiced = new ArrayList<>(finalInvoice.lines());
        int finalNotes = 0;
        Invoice pendingNote = null;
        for (Invoice invoice : stored.values()) {
            if (!finalInvoice.invoiceId().equals(invoice.adjustsInvoiceId())) {
                continue;
            }
            if (invoice.status() == InvoiceStatus.FINAL) {
                invoiced.addAll(invoice.lines());
                finalNotes++;
            } else {
                pendingNote = invoice;
            }
        }
        String noteId = pendingNote != null ? pendingNote.invoiceId()
                : Invoice.adjustmentNoteId(finalInvoice.invoiceId(), finalNotes + 1);
        Optional<Invoice> note = Adjustments.note(finalInvoice, invoiced, computed, noteId);
        if (note.isPresent()) {
            replacements.add(note.get());
        } else if (pendingNote != null) {
            removals.add(pendingNote.invoiceId());
        }
        return note;
    }
}
