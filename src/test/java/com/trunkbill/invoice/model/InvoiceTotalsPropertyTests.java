package com.trunkbill.invoice.model;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.InvoiceFixtures;
import org.junit.jupiter.api.Test;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static com.trunkbill.invoice.InvoiceFixtures.aTrunk;
import static com.trunkbill.invoice.InvoiceFixtures.anInvoiceInput;
import static com.trunkbill.invoice.InvoiceFixtures.berlin;
import static com.trunkbill.invoice.InvoiceFixtures.fx;
import static com.trunkbill.invoice.InvoiceFixtures.losAngeles;
import static com.trunkbill.invoice.InvoiceFixtures.newYork;
import static com.trunkbill.invoice.InvoiceFixtures.sampleTaxRows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants over random invoices (seeded, 1,000 cases; no jqwik): every line is rounded to the invoice currency's
 * minor unit, {@code subtotal} and {@code tax_total} are the sums of their rounded lines, {@code total = subtotal +
 * tax_total}; and a final invoice plus its adjustment note equals the new computation.
 */
class InvoiceTotalsPropertyTests {

    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "BHD"};
    private static final String[] CATEGORIES = {"TERMINATION", "ORIGINATION", "US_UNLIMITED"};
    private static final String[] DESTINATIONS = {"Germany", "United States", "Japan - Mobile"};

    private final InvoiceGenerator generator = new InvoiceGenerator();

    @Test
    void totalsAreSumsOfRoundedLines() {
        Random random = new Random(20261031L);
        int invoices = 0;
        for (int i = 0; i < 1000; i++) {
            Optional<Invoice> generated = generator.generate(randomInput(random));
            if (generated.isEmpty()) {
                continue;
            }
            invoices++;
            Invoice invoice = generated.get();
            MonetaryAmount subtotal = Rounding.zero(invoice.currency());
            MonetaryAmount taxTotal = Rounding.zero(invoice.currency());
            for (InvoiceLine line : invoice.lines()) {
                BigDecimal amount = line.amount().getNumber().numberValue(BigDecimal.class);
                assertThat(amount).as("case %d line %s", i, line)
                        .isEqualByComparingTo(Rounding.round(amount, invoice.currency()));
                assertThat(line.currency()).isEqualTo(invoice.currency());
                if (line.kind() == LineKind.TAX) {
                    taxTotal = taxTotal.add(line.amount());
                } else {
                    subtotal = subtotal.add(line.amount());
                }
            }
            assertThat(invoice.subtotal().isEqualTo(subtotal)).as("case %d subtotal", i).isTrue();
            assertThat(invoice.taxTotal().isEqualTo(taxTotal)).as("case %d tax_total", i).isTrue();
            assertThat(invoice.total().isEqualTo(invoice.subtotal().add(invoice.taxTotal()))).as("case %d", i).isTrue();
        }
        assertThat(invoices).isGreaterThan(900);
    }

    @Test
    void aFinalInvoicePlusItsNoteEqualsTheRecomputation() {
        Random random = new Random(46L);
        for (int i = 0; i < 500; i++) {
            long seed = random.nextLong();
            InvoiceInput before = randomInput(new Random(seed));
            Optional<Invoice> finalInvoice = generator.generate(before);
            if (finalInvoice.isEmpty()) {
                continue;
            }
            // the same inventory, re-rated usage: costs scaled by a random factor
            BigDecimal factor = BigDecimal.valueOf(random.nextInt(300), 2);
            List<UsageTotal> reRated = before.usage().stream().map(u -> new UsageTotal(u.accountId(), u.trunkId(),
                    u.category(), u.destination(), u.currency(), u.ratePerMinute(), u.billedSeconds(),
                    u.cost().multiply(factor))).toList();
            InvoiceInput after = new InvoiceInput(before.account(), before.period(), before.trunks(),
                    before.addresses(), before.channelPlans(), before.taxRows(), before.fx(), reRated,
                    before.sellerCountry());
            Optional<Invoice> recomputed = generator.generate(after);
            Optional<Invoice> note = Adjustments.note(finalInvoice.get(), finalInvoice.get().lines(), recomputed, "A1");
            MonetaryAmount expected = recomputed.map(Invoice::total).orElse(Rounding.zero(finalInvoice.get().currency()));
            MonetaryAmount adjusted = note.map(n -> finalInvoice.get().total().add(n.total()))
                    .orElse(finalInvoice.get().total());
            assertThat(adjusted.isEqualTo(expected)).as("case %d: %s + note = %s", i, finalInvoice.get().total(),
                    expected).isTrue();
        }
    }

    private static InvoiceInput randomInput(Random random) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        String country = random.nextBoolean() ? "US" : "DE";
        Account account = random.nextBoolean()
                ? InvoiceFixtures.account("ACC-R", currency, country)
                : InvoiceFixtures.businessAccount("ACC-R", currency, country, "VAT-1");
        List<ServiceAddress> addresses = List.of(newYork("A-NY", "ACC-R"), losAngeles("A-LA", "ACC-R"),
                berlin("A-BER", "ACC-R"));
        var input = anInvoiceInput(account).taxes(sampleTaxRows())
                .fx(fx("2026-10-31", "USD", "EUR", "0.878076"), fx("2026-10-30", "USD", "JPY", "151.234567"),
                        fx("2026-10-31", "BHD", "USD", "2.6525"), fx("2026-10-31", "EUR", "USD", "1.138854"),
                        fx("2026-10-31", "EUR", "JPY", "172.5"), fx("2026-10-31", "EUR", "BHD", "0.4343"));
        addresses.forEach(input::address);
        int trunks = 1 + random.nextInt(4);
        for (int t = 0; t < trunks; t++) {
            String trunkId = "T-" + t;
            InvoiceFixtures.TrunkBuilder trunk = aTrunk(trunkId).channels(1 + random.nextInt(30))
                    .createdAt(String.format("2026-%02d-%02dT%02d:00:00Z", 9 + random.nextInt(2),
                            1 + random.nextInt(30), random.nextInt(24)));
            if (random.nextInt(4) == 0) {
                trunk.unlimitedUs();
            }
            if (random.nextInt(3) == 0) {
                trunk.changesAt(String.format("2026-10-%02dT12:00:00Z", 1 + random.nextInt(31)),
                        1 + random.nextInt(30), random.nextBoolean() ? ChannelPlan.METERED : ChannelPlan.UNLIMITED_US);
            }
            if (random.nextInt(5) == 0) {
                trunk.deletedAt(String.format("2026-10-%02dT06:00:00Z", 1 + random.nextInt(31)));
            }
            int address = random.nextInt(4);
            if (address < 3) {
                trunk.at(addresses.get(address));
            }
            input.trunk(trunk);
            for (int u = random.nextInt(4); u > 0; u--) {
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                long seconds = random.nextInt(5_000_000);
                BigDecimal cost = category.equals("US_UNLIMITED") ? BigDecimal.ZERO
                        : BigDecimal.valueOf(random.nextLong(0, 5_000_000_000_000L), 10);
                input.usage(trunkId, category, DESTINATIONS[random.nextInt(DESTINATIONS.length)] + u,
                        random.nextBoolean() ? "USD" : "EUR", null, seconds, cost.toPlainString());
            }
        }
        return input.build();
    }
}
