package com.trunkbill.invoice.document;

import com.trunkbill.invoice.document.InvoiceView.AdjustmentRow;
import com.trunkbill.invoice.document.InvoiceView.Party;
import com.trunkbill.invoice.document.InvoiceView.Reference;
import com.trunkbill.invoice.document.InvoiceView.Row;
import com.trunkbill.invoice.document.InvoiceView.TaxRow;
import com.trunkbill.invoice.document.InvoiceView.TrunkSection;
import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.invoice.model.Invoice;
import com.trunkbill.invoice.model.InvoiceIssue;
import com.trunkbill.invoice.model.InvoiceLine;
import com.trunkbill.invoice.model.InvoiceStatus;
import com.trunkbill.invoice.model.LineKind;
import com.trunkbill.invoice.model.Rounding;
import com.trunkbill.invoice.model.UsageTotal;
import com.trunkbill.support.BillingPeriod;
import com.trunkbill.tax.model.TaxItems;

import javax.money.MonetaryAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the {@link InvoiceView} of an invoice or note: legal content (number, issue and due dates, seller, billing
 * address, the invoice a note adjusts), one section per trunk, taxes, totals. Rules of the document:
 * <ul>
 *   <li>every line of {@code invoice-lines.csv} is printed, one to one, so the two can be matched; a line rounded
 *       to 0.00 (a few seconds of cheap traffic) is shown as such;</li>
 *   <li>a unit price is printed with its currency: the rate table's currency when the line was converted (the
 *       line's detail gives the rate used), else the invoice currency; US_UNLIMITED usage is "included in plan"
 *       (those minutes are what fair use is measured against), a usage line billed at several rates in the period
 *       has no single unit price and says so;</li>
 *   <li>line notes become labelled details; converted amounts are rounded to 4 decimals for display (the exact
 *       value stays in the CSV).</li>
 * </ul>
 */
public final class InvoiceViews {

    /** The note parts {@code LinePricing}, {@code ChannelFeeItems}, {@code FairUseItems}, {@code Adjustments} write. */
    private static final Pattern CONVERTED = Pattern.compile("converted from (\\S+) ([A-Z]{3}) at (.+)");
    private static final Pattern CHANNEL_FEE =
            Pattern.compile("(.+) per channel-month x (\\d+) channel-days / (\\d+) days");
    private static final Pattern ALLOWANCE = Pattern.compile("allowance (\\S+) min, used (\\S+) min");
    private static final Pattern ADJUSTED = Pattern.compile("([A-Z_]+) was (\\S+), now (\\S+)");
    private static final Pattern RATE_PAIR = Pattern.compile("\\b([A-Z]{3})->[A-Z]{3}\\b");
    private static final Pattern PLAN = Pattern.compile("\\b(METERED|UNLIMITED_US)\\b");
    private static final Set<String> CITY_STATE_POSTAL = Set.of("US", "CA", "AU");
    private static final int DISPLAY_SCALE = 4;

    private final Labels labels;
    private final Seller seller;
    private final int paymentTermsDays;
    private final Locale locale;

    public InvoiceViews(Labels labels, Seller seller, int paymentTermsDays, Locale locale) {
        this.labels = labels;
        this.seller = seller;
        this.paymentTermsDays = paymentTermsDays;
        this.locale = locale;
    }

    /**
     * @param issue          the stored dates of {@code invoice} (null: not stored, not issued)
     * @param adjusted       the stored dates of the invoice a note adjusts (null otherwise)
     * @param account        the customer (null when no longer in the inventory)
     * @param trunkAddresses the service address of each trunk
     */
    public InvoiceView view(Invoice invoice, InvoiceIssue issue, InvoiceIssue adjusted, Account account,
                            Map<String, ServiceAddress> trunkAddresses) {
        BillingPeriod period = BillingPeriod.parse(invoice.period());
        boolean isFinal = invoice.status() == InvoiceStatus.FINAL;
        LocalDate issued = isFinal && issue != null ? day(issue.finalizedAt()) : null;
        Reference adjusts = invoice.isAdjustmentNote() ? new Reference(invoice.adjustsInvoiceId(),
                adjusted == null ? null : adjusted.invoiceNumber(),
                adjusted == null ? null : Objects.toString(day(adjusted.finalizedAt()), null)) : null;
        boolean reverseCharge = invoice.lines().stream().anyMatch(line -> TaxItems.REVERSE_CHARGE.equals(line.note()));
        return new InvoiceView(title(invoice), invoice.invoiceId(), isFinal ? invoice.invoiceNumber() : null,
                labels.get("invoice.status." + invoice.status().name()),
                isFinal ? null : labels.get("invoice.watermark." + invoice.status().name()),
                issued == null ? null : issued.toString(),
                issued == null ? null : issued.plusDays(paymentTermsDays).toString(), paymentTermsDays,
                invoice.period(), period.firstDay().toString(), period.lastDay().toString(), invoice.currency(),
                sellerParty(), customer(invoice, account), invoice.holdReason(), adjusts,
                invoice.isAdjustmentNote() ? List.of() : trunks(invoice, trunkAddresses),
                invoice.isAdjustmentNote() ? List.of() : taxes(invoice),
                invoice.isAdjustmentNote() ? adjustments(invoice) : List.of(),
                money(invoice.subtotal()), money(invoice.taxTotal()), money(invoice.total()), reverseCharge);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private String title(Invoice invoice) {
        if (!invoice.isAdjustmentNote()) {
            return labels.get("invoice.title.invoice");
        }
        return labels.get(invoice.total().isNegative() ? "invoice.title.credit-note" : "invoice.title.debit-note");
    }

    private Party sellerParty() {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, seller.street());
        addIfPresent(lines, seller.postalCodeAndCity());
        addIfPresent(lines, countryName(seller.country()));
        return new Party(seller.name(), lines, seller.vatId(), null);
    }

    private Party customer(Invoice invoice, Account account) {
        if (account == null) {
            return new Party(invoice.accountId(), List.of(), null, invoice.accountId());
        }
        BillingAddress billing = account.billingAddress();
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, billing.street());
        addIfPresent(lines, CITY_STATE_POSTAL.contains(account.country())
                ? joined(" ", billing.city(), billing.state(), billing.postalCode())
                : joined(", ", joined(" ", billing.postalCode(), billing.city()), billing.state()));
        addIfPresent(lines, countryName(account.country()));
        return new Party(account.name(), lines, account.hasVatId() ? account.vatId() : null, account.accountId());
    }

    private String countryName(String code) {
        if (code == null) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name.isBlank() ? code : name;
    }

    private List<TrunkSection> trunks(Invoice invoice, Map<String, ServiceAddress> addresses) {
        Map<String, List<InvoiceLine>> byTrunk = new LinkedHashMap<>();
        invoice.lines().stream().filter(line -> line.kind() != LineKind.TAX)
                .forEach(line -> byTrunk.computeIfAbsent(line.trunkId(), id -> new ArrayList<>()).add(line));
        List<TrunkSection> sections = new ArrayList<>();
        byTrunk.forEach((trunkId, lines) -> {
            MonetaryAmount sum = Rounding.zero(invoice.currency());
            List<Row> rows = new ArrayList<>();
            for (InvoiceLine line : lines) {
                rows.add(new Row(charge(line), line.destination(), quantity(line), unit(line.unit()),
                        unitPrice(line, invoice.currency()), money(line.amount()), details(line.note())));
                sum = sum.add(line.amount());
            }
            ServiceAddress address = addresses.get(trunkId);
            sections.add(new TrunkSection(lines.get(0).trunkName(), trunkId,
                    address == null ? null : addressText(address), rows, money(sum)));
        });
        return sections;
    }

    private List<TaxRow> taxes(Invoice invoice) {
        return invoice.lines().stream().filter(line -> line.kind() == LineKind.TAX).map(line -> new TaxRow(
                line.jurisdiction(), line.taxCode(), String.join("; ", details(line.note())),
                line.taxBase() == null ? "" : money(line.taxBase()), taxRate(line, invoice.currency()),
                money(line.amount()))).toList();
    }

    private String taxRate(InvoiceLine line, String invoiceCurrency) {
        if (line.quantity() == null) {
            return line.unitPrice() == null ? "" : plain(line.unitPrice().movePointRight(2)) + " %";
        }
        String quantity = quantity(line) + " " + unit(line.unit());
        return line.unitPrice() == null ? quantity
                : quantity + " × " + plain(line.unitPrice()) + " " + priceCurrency(line, invoiceCurrency);
    }

    private List<AdjustmentRow> adjustments(Invoice invoice) {
        return invoice.lines().stream().map(line -> new AdjustmentRow(charge(line),
                line.trunkId() == null ? "" : line.trunkName() + " (" + line.trunkId() + ")",
                line.destination(), joined(" ", line.taxCode(), line.jurisdiction()), details(line.note()),
                money(line.amount()))).toList();
    }

    private String charge(InvoiceLine line) {
        return switch (line.kind()) {
            case USAGE -> line.category() == null ? labels.get("invoice.charge.USAGE")
                    : labels.getOrDefault("invoice.charge.USAGE." + line.category(),
                            labels.get("invoice.charge.USAGE"));
            case ADJUSTMENT -> labels.get("invoice.charge.ADJUSTMENT", adjustedCharge(line));
            default -> labels.get("invoice.charge." + line.kind().name());
        };
    }

    private String adjustedCharge(InvoiceLine line) {
        LineKind kind = line.billedKind();
        if (kind == LineKind.USAGE && line.category() != null) {
            return labels.getOrDefault("invoice.charge.USAGE." + line.category(), labels.get("invoice.charge.USAGE"));
        }
        return labels.get("invoice.charge." + kind.name());
    }

    private String unit(String unit) {
        return unit == null ? "" : labels.getOrDefault("invoice.unit." + unit, unit);
    }

    private String unitPrice(InvoiceLine line, String invoiceCurrency) {
        if (line.kind() == LineKind.USAGE && UsageTotal.US_UNLIMITED.equals(line.category())) {
            return labels.get("invoice.price.included");
        }
        if (line.unitPrice() == null) {
            return line.kind() == LineKind.USAGE || line.kind() == LineKind.FAIR_USE_OVERAGE
                    ? labels.get("invoice.price.several") : "";
        }
        return plain(line.unitPrice()) + " " + priceCurrency(line, invoiceCurrency);
    }

    /** The rate table's currency: the source of the line's conversion when it was converted, else the invoice's. */
    static String priceCurrency(InvoiceLine line, String invoiceCurrency) {
        Matcher pair = RATE_PAIR.matcher(Objects.toString(line.note(), ""));
        return pair.find() ? pair.group(1) : invoiceCurrency;
    }

    /** The parts of a line note as labelled details. */
    List<String> details(String note) {
        if (note == null || note.isBlank()) {
            return List.of();
        }
        return Stream.of(note.split("; ")).map(this::detail).toList();
    }

    private String detail(String part) {
        Matcher m;
        if ((m = CONVERTED.matcher(part)).matches()) {
            return labels.get("invoice.detail.converted", rounded(m.group(1)), m.group(2), m.group(3));
        }
        if ((m = CHANNEL_FEE.matcher(part)).matches()) {
            return labels.get("invoice.detail.channel-fee", planLabels(m.group(1)), m.group(2), m.group(3));
        }
        if ((m = ALLOWANCE.matcher(part)).matches()) {
            return labels.get("invoice.detail.allowance", m.group(1), m.group(2));
        }
        if ((m = ADJUSTED.matcher(part)).matches() && isLineKind(m.group(1))) {
            return labels.get("invoice.detail.adjusted", labels.get("invoice.charge." + m.group(1)), m.group(2),
                    m.group(3));
        }
        if (TaxItems.REVERSE_CHARGE.equals(part)) {
            return labels.get("invoice.detail.reverse-charge");
        }
        return part;
    }

    private String planLabels(String prices) {
        return PLAN.matcher(prices).replaceAll(plan -> Matcher.quoteReplacement(
                labels.get("invoice.plan." + plan.group(1))));
    }

    private static boolean isLineKind(String name) {
        return Stream.of(LineKind.values()).anyMatch(kind -> kind.name().equals(name));
    }

    private static String rounded(String amount) {
        try {
            return plain(new BigDecimal(amount).setScale(DISPLAY_SCALE, RoundingMode.HALF_UP));
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    static String addressText(ServiceAddress address) {
        String place = joined(", ", address.street(), address.postalCode(), address.city(), address.county(),
                address.state(), address.country());
        return place + " [" + address.jurisdiction() + "]";
    }

    /** Quantities as SPEC §9 displays them: minutes with 2 decimals, channel-days and trunks whole. */
    public static String quantity(InvoiceLine line) {
        if (line.quantity() == null) {
            return "";
        }
        if ("min".equals(line.unit())) {
            return line.quantity().setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return plain(line.quantity());
    }

    /** A decimal without trailing zeros, never in exponent notation. */
    public static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String money(MonetaryAmount amount) {
        return Rounding.decimal(amount).toPlainString();
    }

    private static String joined(String separator, String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(separator));
    }

    private static void addIfPresent(List<String> lines, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(text);
        }
    }
}
