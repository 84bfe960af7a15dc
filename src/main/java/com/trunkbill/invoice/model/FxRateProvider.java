package com.trunkbill.invoice.model;

import com.trunkbill.ratetable.model.FxRow;
import org.javamoney.moneta.spi.AbstractRateProvider;
import org.javamoney.moneta.spi.DefaultNumberValue;

import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.NumberValue;
import javax.money.convert.ConversionContext;
import javax.money.convert.ConversionQuery;
import javax.money.convert.ExchangeRate;
import javax.money.convert.ProviderContext;
import javax.money.convert.ProviderContextBuilder;
import javax.money.convert.RateType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A JSR 354 {@code ExchangeRateProvider} over the rows of {@code fx-rates.csv} (SPEC §9 "FX"): the rate of the pair
 * (base = amount currency, quote = target currency) of the latest date on or before the query's {@link LocalDate};
 * only when no such row exists, 1 / the reverse pair's rate computed with {@link MathContext#DECIMAL128}.
 * No rate at all: {@link #getExchangeRate} returns null (the caller puts the invoice ON_HOLD).
 * Conversions go through Moneta's {@code CurrencyConversion}: {@code amount.with(provider.getCurrencyConversion(query))}.
 */
public final class FxRateProvider extends AbstractRateProvider {

    public static final String PROVIDER = "TRUNKBILL_FX_RATES";
    private static final ProviderContext CONTEXT = ProviderContextBuilder.of(PROVIDER, RateType.HISTORIC)
            .set("source", "fx-rates.csv").build();

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> ratesByPair = new HashMap<>();

    public FxRateProvider(List<FxRow> rows) {
        super(CONTEXT);
        for (FxRow row : rows) {
            ratesByPair.computeIfAbsent(pair(row.base(), row.quote()), key -> new TreeMap<>()).put(row.date(), row.rate());
        }
    }

    @Override
    public ExchangeRate getExchangeRate(ConversionQuery query) {
        LocalDate date = query.get(LocalDate.class);
        if (date == null) {
            throw new IllegalArgumentException("an FX query needs the date of the rate (LocalDate): " + query);
        }
        return rate(query.getBaseCurrency(), query.getCurrency(), date);
    }

    /** The rate that converts {@code base} into {@code quote} on {@code date}, or null when fx-rates.csv has none. */
    public FxRate rate(CurrencyUnit base, CurrencyUnit quote, LocalDate date) {
        ConversionContext context = ConversionContext.from(CONTEXT, RateType.HISTORIC);
        if (base.equals(quote)) {
            return new FxRate(context, base, quote, BigDecimal.ONE, date, false);
        }
        Map.Entry<LocalDate, BigDecimal> direct = latestOnOrBefore(base, quote, date);
        if (direct != null) {
            return new FxRate(context, base, quote, direct.getValue(), direct.getKey(), false);
        }
        Map.Entry<LocalDate, BigDecimal> reverse = latestOnOrBefore(quote, base, date);
        if (reverse != null && reverse.getValue().signum() != 0) {
            BigDecimal reciprocal = BigDecimal.ONE.divide(reverse.getValue(), MathContext.DECIMAL128);
            return new FxRate(context, base, quote, reciprocal, reverse.getKey(), true);
        }
        return null;
    }

    public FxRate rate(String base, String quote, LocalDate date) {
        return rate(Monetary.getCurrency(base), Monetary.getCurrency(quote), date);
    }

    private Map.Entry<LocalDate, BigDecimal> latestOnOrBefore(CurrencyUnit base, CurrencyUnit quote, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> byDate = ratesByPair.get(pair(base.getCurrencyCode(), quote.getCurrencyCode()));
        return byDate == null ? null : byDate.floorEntry(date);
    }

    private static String pair(String base, String quote) {
        return base.trim().toUpperCase() + "/" + quote.trim().toUpperCase();
    }

    /**
     * One rate as JSR 354 sees it, with the fx-rates.csv date it came from and whether it is the reciprocal of the
     * reverse pair.
     */
    public record FxRate(ConversionContext context, CurrencyUnit baseCurrency, CurrencyUnit currency, BigDecimal factor,
                         LocalDate date, boolean reversed) implements ExchangeRate {

        @Override
        public ConversionContext getContext() {
            return context;
        }

        @Override
        public CurrencyUnit getBaseCurrency() {
            return baseCurrency;
        }

        @Override
        public CurrencyUnit getCurrency() {
            return currency;
        }

        @Override
        public NumberValue getFactor() {
            return new DefaultNumberValue(factor);
        }

        @Override
        public List<ExchangeRate> getExchangeRateChain() {
            return List.of(this);
        }

        /** {@code USD->EUR 0.878076 (2026-10-31)} or, for a reciprocal, {@code ... (1 / EUR->USD of 2026-10-31)}. */
        public String describe() {
            String pair = baseCurrency.getCurrencyCode() + "->" + currency.getCurrencyCode();
            String rate = factor.stripTrailingZeros().toPlainString();
            return reversed
                    ? pair + " " + rate + " (1 / " + currency.getCurrencyCode() + "->" + baseCurrency.getCurrencyCode()
                            + " of " + date + ")"
                    : pair + " " + rate + " (" + date + ")";
        }
    }
}
