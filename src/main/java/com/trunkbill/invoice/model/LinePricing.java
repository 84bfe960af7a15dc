package com.trunkbill.invoice.model;

import org.javamoney.moneta.Money;

import javax.money.MonetaryAmount;
import javax.money.convert.ConversionQueryBuilder;
import javax.money.convert.CurrencyConversion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an unrounded amount in a rate table's currency into a line amount of the invoice (SPEC §5.2, §9 "FX"):
 * converted at the rate of the period's last day through Moneta's {@link CurrencyConversion}, then rounded once
 * by {@link Rounding}. A pair without any rate is remembered; the invoice goes ON_HOLD naming it, and the line
 * amount is 0 until the rate is imported.
 */
public final class LinePricing {

    private final String invoiceCurrency;
    private final LocalDate rateDate;
    private final FxRateProvider fx;
    private final Set<String> missingRates = new TreeSet<>();

    public LinePricing(String invoiceCurrency, LocalDate rateDate, FxRateProvider fx) {
        this.invoiceCurrency = invoiceCurrency;
        this.rateDate = rateDate;
        this.fx = fx;
    }

    /** A rounded line amount in the invoice currency, and how it was converted (null when it was not). */
    public record Priced(MonetaryAmount amount, String fxNote) {
    }

    public Priced price(BigDecimal amount, String currency) {
        Map<String, BigDecimal> single = new LinkedHashMap<>();
        single.put(currency == null ? invoiceCurrency : currency, amount);
        return price(single);
    }

    /**
     * One line made of amounts in several currencies (a channel fee whose plan row changed currency within the
     * month): each part converted unrounded, the sum rounded once.
     */
    public Priced price(Map<String, BigDecimal> amountsByCurrency) {
        MonetaryAmount sum = Money.of(BigDecimal.ZERO, invoiceCurrency);
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> part : amountsByCurrency.entrySet()) {
            String from = part.getKey() == null ? invoiceCurrency : part.getKey().trim().toUpperCase();
            BigDecimal amount = part.getValue();
            if (from.equals(invoiceCurrency)) {
                sum = sum.add(Money.of(amount, from));
                continue;
            }
            FxRateProvider.FxRate rate = fx.rate(from, invoiceCurrency, rateDate);
            if (rate == null) {
                missingRates.add(from + "->" + invoiceCurrency);
                notes.add("not converted: no FX rate " + from + "->" + invoiceCurrency + " on or before " + rateDate
                        + " (" + amount.stripTrailingZeros().toPlainString() + " " + from + " left out)");
                continue;
            }
            CurrencyConversion conversion = fx.getCurrencyConversion(ConversionQueryBuilder.of()
                    .setTermCurrency(invoiceCurrency).set(LocalDate.class, rateDate).build());
            sum = sum.add(Money.of(amount, from).with(conversion));
            notes.add("converted from " + amount.stripTrailingZeros().toPlainString() + " " + from + " at "
                    + rate.describe());
        }
        return new Priced(Rounding.round(sum), notes.isEmpty() ? null : String.join("; ", notes));
    }

    public String invoiceCurrency() {
        return invoiceCurrency;
    }

    public MonetaryAmount zero() {
        return Rounding.zero(invoiceCurrency);
    }

    /** The hold reasons for pairs that had no rate, e.g. {@code no FX rate USD->JPY on or before 2026-10-31}. */
    public Set<String> holdReasons() {
        Set<String> reasons = new TreeSet<>();
        missingRates.forEach(pair -> reasons.add("no FX rate " + pair + " on or before " + rateDate));
        return reasons;
    }
}
