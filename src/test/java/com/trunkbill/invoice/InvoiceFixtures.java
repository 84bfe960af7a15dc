package com.trunkbill.invoice;

import com.trunkbill.inventory.model.Account;
import com.trunkbill.inventory.model.ActionStatus;
import com.trunkbill.inventory.model.AdminStatus;
import com.trunkbill.inventory.model.ChannelPlan;
import com.trunkbill.inventory.model.DataCenter;
import com.trunkbill.inventory.model.ServiceAddress;
import com.trunkbill.inventory.model.TrunkState;
import com.trunkbill.inventory.model.TrunkTimeline;
import com.trunkbill.inventory.model.TrunkType;
import com.trunkbill.invoice.model.FxRateProvider;
import com.trunkbill.invoice.model.InvoiceInput;
import com.trunkbill.invoice.model.UsageTotal;
import com.trunkbill.ratetable.model.ChannelPlanRow;
import com.trunkbill.ratetable.model.EffectiveDates;
import com.trunkbill.ratetable.model.FxRow;
import com.trunkbill.ratetable.model.TaxAppliesTo;
import com.trunkbill.ratetable.model.TaxBasis;
import com.trunkbill.ratetable.model.TaxRow;
import com.trunkbill.support.BillingPeriod;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.CHANNEL_PLAN_RATE;
import static com.trunkbill.db.jooq.Tables.FX_RATE;
import static com.trunkbill.db.jooq.Tables.RATED_CDR;
import static com.trunkbill.db.jooq.Tables.RATE_TABLE_VERSION;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TAX_RATE;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Fixture builders for invoicing tests: domain objects for the item generators ({@code aTrunk("T-1").channels(10)
 * .createdAt("2026-10-20T09:30:00Z")}), and the same objects written to the database for job tests (the rating job
 * is not needed: rated_cdr rows are inserted directly).
 */
public final class InvoiceFixtures {

    public static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10"); // 31 days
    public static final String STANDARD = "STANDARD";

    private InvoiceFixtures() {
    }

    // ------------------------------------------------------------------ accounts and addresses

    public static Account account(String id, String currency, String country) {
        return new Account(id, id + " Ltd.", currency, country, STANDARD, null);
    }

    public static Account businessAccount(String id, String currency, String country, String vatId) {
        return new Account(id, id + " GmbH", currency, country, STANDARD, vatId);
    }

    public static ServiceAddress newYork(String id, String accountId) {
        return new ServiceAddress(id, accountId, "1250 Broadway", "New York", "New York", "NY", "10001", "US");
    }

    public static ServiceAddress losAngeles(String id, String accountId) {
        return new ServiceAddress(id, accountId, "600 Wilshire Blvd", "Los Angeles", "Los Angeles", "CA", "90017", "US");
    }

    public static ServiceAddress austin(String id, String accountId) {
        return new ServiceAddress(id, accountId, "500 W 2nd St", "Austin", "Travis", "TX", "78701", "US");
    }

    public static ServiceAddress berlin(String id, String accountId) {
        return new ServiceAddress(id, accountId, "Friedrichstrasse 68", "Berlin", null, "BE", "10117", "DE");
    }

    public static ServiceAddress zagreb(String id, String accountId) {
        return new ServiceAddress(id, accountId, "Ilica 242", "Zagreb", null, "21", "10000", "HR");
    }

    // ------------------------------------------------------------------ trunks

    public static TrunkBuilder aTrunk(String trunkId) {
        return new TrunkBuilder(trunkId);
    }

    public static final class TrunkBuilder {
        private final String trunkId;
        private String accountId = "ACC-1";
        private String name;
        private TrunkType type = TrunkType.STATIC;
        private DataCenter dataCenter = DataCenter.NEW_YORK;
        private String addressId;
        private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
        private Instant deletedAt;
        private boolean missingPpu;
        private int channels = 10;
        private ChannelPlan plan = ChannelPlan.METERED;
        private final List<TrunkState> changes = new ArrayList<>();

        private TrunkBuilder(String trunkId) {
            this.trunkId = trunkId;
            this.name = trunkId.toLowerCase() + "-pbx";
        }

        public TrunkBuilder of(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public TrunkBuilder named(String name) {
            this.name = name;
            return this;
        }

        public TrunkBuilder inDataCenter(DataCenter dataCenter) {
            this.dataCenter = dataCenter;
            return this;
        }

        public TrunkBuilder at(ServiceAddress address) {
            this.addressId = address.addressId();
            return this;
        }

        public TrunkBuilder missingPpu() {
            this.missingPpu = true;
            this.addressId = null;
            return this;
        }

        public TrunkBuilder createdAt(String instant) {
            this.createdAt = Instant.parse(instant);
            return this;
        }

        public TrunkBuilder deletedAt(String instant) {
            this.deletedAt = Instant.parse(instant);
            return this;
        }

        /** The channel count first seen (applies back to created_at). */
        public TrunkBuilder channels(int channels) {
            this.channels = channels;
            return this;
        }

        public TrunkBuilder unlimitedUs() {
            this.plan = ChannelPlan.UNLIMITED_US;
            return this;
        }

        /** A later snapshot changed channels and plan at {@code instant}. */
        public TrunkBuilder changesAt(String instant, int channels, ChannelPlan plan) {
            changes.add(new TrunkState(Instant.parse(instant), channels, plan, AdminStatus.ENABLED, ActionStatus.SUCCESS));
            return this;
        }

        public TrunkTimeline build() {
            List<TrunkState> states = new ArrayList<>();
            states.add(new TrunkState(createdAt, channels, plan, AdminStatus.ENABLED, ActionStatus.SUCCESS));
            states.addAll(changes);
            return new TrunkTimeline(trunkId, accountId, name, type, dataCenter, addressId, createdAt, deletedAt,
                    missingPpu, states);
        }
    }

    // ------------------------------------------------------------------ rate tables

    /** STANDARD: METERED 15.00 USD, UNLIMITED_US 25.00 USD with 3000 min/channel and 0.0100 USD/min overage. */
    public static List<ChannelPlanRow> standardPlans() {
        return List.of(
                planRow(STANDARD, ChannelPlan.METERED, "15.00", "USD", null, null, null, null),
                planRow(STANDARD, ChannelPlan.UNLIMITED_US, "25.00", "USD", "3000", "0.0100", null, null));
    }

    public static ChannelPlanRow planRow(String priceList, ChannelPlan plan, String price, String currency,
                                         String fairUseMinutes, String overageRate, String from, String to) {
        return new ChannelPlanRow(1, 1, priceList, plan, new BigDecimal(price), currency,
                fairUseMinutes == null ? null : new BigDecimal(fairUseMinutes),
                overageRate == null ? null : new BigDecimal(overageRate), dates(from, to));
    }

    public static TaxRowBuilder tax(String code) {
        return new TaxRowBuilder(code);
    }

    public static final class TaxRowBuilder {
        private final String code;
        private String country;
        private String state;
        private String county;
        private String city;
        private TaxBasis basis = TaxBasis.PERCENT;
        private BigDecimal rate = BigDecimal.ZERO;
        private String currency;
        private TaxAppliesTo appliesTo = TaxAppliesTo.ALL;
        private BigDecimal baseFraction = BigDecimal.ONE;
        private boolean reverseCharge;
        private EffectiveDates effective = new EffectiveDates(LocalDate.parse("2026-01-01"), null);

        private TaxRowBuilder(String code) {
            this.code = code;
        }

        public TaxRowBuilder in(String country, String state, String county, String city) {
            this.country = country;
            this.state = state;
            this.county = county;
            this.city = city;
            return this;
        }

        public TaxRowBuilder percent(String rate) {
            this.basis = TaxBasis.PERCENT;
            this.rate = new BigDecimal(rate);
            return this;
        }

        public TaxRowBuilder perChannelMonth(String rate, String currency) {
            this.basis = TaxBasis.PER_CHANNEL_MONTH;
            this.rate = new BigDecimal(rate);
            this.currency = currency;
            return this;
        }

        public TaxRowBuilder perTrunkMonth(String rate, String currency) {
            this.basis = TaxBasis.PER_TRUNK_MONTH;
            this.rate = new BigDecimal(rate);
            this.currency = currency;
            return this;
        }

        public TaxRowBuilder on(TaxAppliesTo appliesTo) {
            this.appliesTo = appliesTo;
            return this;
        }

        public TaxRowBuilder baseFraction(String fraction) {
            this.baseFraction = new BigDecimal(fraction);
            return this;
        }

        public TaxRowBuilder reverseChargeB2b() {
            this.reverseCharge = true;
            return this;
        }

        public TaxRowBuilder effective(String from, String to) {
            this.effective = dates(from, to);
            return this;
        }

        public TaxRow build() {
            return new TaxRow(1, 1, code, code + " tax", country, state, county, city, basis, rate, currency,
                    appliesTo, baseFraction, reverseCharge, effective);
        }
    }

    /** The sample tax rows the tests use (SPEC data: rate-tables/tax-rates.csv). */
    public static List<TaxRow> sampleTaxRows() {
        return List.of(
                tax("US-USF").in("US", null, null, null).percent("0.376").baseFraction("0.649").build(),
                tax("US-NY-SALES").in("US", "NY", null, null).percent("0.04").build(),
                tax("US-NY-MCTD").in("US", "NY", "New York", null).percent("0.00375").build(),
                tax("US-NY-NYC-LOCAL").in("US", "NY", "New York", "New York").percent("0.045").build(),
                tax("US-NY-E911").in("US", "NY", null, null).perChannelMonth("1.00", "USD").build(),
                tax("US-CA-PUC").in("US", "CA", null, null).percent("0.0033").on(TaxAppliesTo.USAGE).build(),
                tax("US-CA-LIFELINE").in("US", "CA", null, null).percent("0.0475").on(TaxAppliesTo.CHANNEL_FEES).build(),
                tax("US-TX-REG").in("US", "TX", null, null).perTrunkMonth("2.00", "USD").build(),
                tax("DE-VAT").in("DE", null, null, null).percent("0.19").reverseChargeB2b().build(),
                tax("HR-VAT").in("HR", null, null, null).percent("0.25").reverseChargeB2b().build(),
                tax("SG-GST").in("SG", null, null, null).percent("0.09").build());
    }

    public static FxRow fx(String date, String base, String quote, String rate) {
        return new FxRow(LocalDate.parse(date), base, quote, new BigDecimal(rate));
    }

    public static EffectiveDates dates(String from, String to) {
        return new EffectiveDates(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    // ------------------------------------------------------------------ usage

    /** One usage line's worth of ratings: billed seconds and the unrounded cost sum. */
    public static UsageTotal usage(String accountId, String trunkId, String category, String destination,
                                   String currency, String rate, long billedSeconds, String cost) {
        return new UsageTotal(accountId, trunkId, category, destination, currency,
                rate == null ? null : new BigDecimal(rate), billedSeconds, new BigDecimal(cost));
    }

    // ------------------------------------------------------------------ domain input

    public static InputBuilder anInvoiceInput(Account account) {
        return new InputBuilder(account);
    }

    public static final class InputBuilder {
        private final Account account;
        private BillingPeriod period = OCTOBER;
        private final List<TrunkTimeline> trunks = new ArrayList<>();
        private final Map<String, ServiceAddress> addresses = new LinkedHashMap<>();
        private List<ChannelPlanRow> plans = standardPlans();
        private List<TaxRow> taxRows = List.of();
        private final List<FxRow> fxRows = new ArrayList<>();
        private final List<UsageTotal> usage = new ArrayList<>();
        private String sellerCountry = "HR";

        private InputBuilder(Account account) {
            this.account = account;
        }

        public InputBuilder period(String period) {
            this.period = BillingPeriod.parse(period);
            return this;
        }

        public InputBuilder address(ServiceAddress address) {
            addresses.put(address.addressId(), address);
            return this;
        }

        public InputBuilder trunk(TrunkBuilder trunk) {
            trunks.add(trunk.of(account.accountId()).build());
            return this;
        }

        public InputBuilder plans(List<ChannelPlanRow> plans) {
            this.plans = plans;
            return this;
        }

        public InputBuilder taxes(List<TaxRow> taxRows) {
            this.taxRows = taxRows;
            return this;
        }

        public InputBuilder fx(FxRow... rows) {
            fxRows.addAll(List.of(rows));
            return this;
        }

        public InputBuilder usage(String trunkId, String category, String destination, String currency, String rate,
                                  long billedSeconds, String cost) {
            usage.add(InvoiceFixtures.usage(account.accountId(), trunkId, category, destination, currency, rate,
                    billedSeconds, cost));
            return this;
        }

        public InputBuilder sellerCountry(String country) {
            this.sellerCountry = country;
            return this;
        }

        public InvoiceInput build() {
            return new InvoiceInput(account, period, trunks, addresses, plans, taxRows, new FxRateProvider(fxRows),
                    usage, sellerCountry);
        }
    }

    // ------------------------------------------------------------------ the same in the database

    /** Writes fixtures to the database for job tests. */
    public static final class Db {
        private final DSLContext db;
        private final AtomicLong cdrSequence = new AtomicLong();
        private long runId = 1;

        public Db(DSLContext db) {
            this.db = db;
        }

        public Db account(Account account) {
            db.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, account.accountId()).set(ACCOUNT.NAME, account.name())
                    .set(ACCOUNT.CURRENCY, account.currency()).set(ACCOUNT.COUNTRY, account.country())
                    .set(ACCOUNT.PRICE_LIST, account.priceList()).set(ACCOUNT.VAT_ID, account.vatId())
                    .set(ACCOUNT.SNAPSHOT_ID, 1L).execute();
            return this;
        }

        public Db address(ServiceAddress a) {
            db.insertInto(SERVICE_ADDRESS).set(SERVICE_ADDRESS.ADDRESS_ID, a.addressId())
                    .set(SERVICE_ADDRESS.ACCOUNT_ID, a.accountId()).set(SERVICE_ADDRESS.STREET, a.street())
                    .set(SERVICE_ADDRESS.CITY, a.city()).set(SERVICE_ADDRESS.COUNTY, a.county())
                    .set(SERVICE_ADDRESS.STATE, a.state()).set(SERVICE_ADDRESS.POSTAL_CODE, a.postalCode())
                    .set(SERVICE_ADDRESS.COUNTRY, a.country()).set(SERVICE_ADDRESS.SNAPSHOT_ID, 1L).execute();
            return this;
        }

        public Db trunk(TrunkTimeline t) {
            db.insertInto(TRUNK).set(TRUNK.TRUNK_ID, t.trunkId()).set(TRUNK.ACCOUNT_ID, t.accountId())
                    .set(TRUNK.NAME, t.name()).set(TRUNK.TRUNK_TYPE, t.type().name())
                    .set(TRUNK.DATA_CENTER, t.dataCenter().name()).set(TRUNK.SERVICE_ADDRESS_ID, t.serviceAddressId())
                    .set(TRUNK.CREATED_AT, t.createdAt()).set(TRUNK.DELETED_AT, t.deletedAt())
                    .set(TRUNK.MISSING_PPU, t.missingPpu()).set(TRUNK.SNAPSHOT_ID, 1L).execute();
            for (TrunkState s : t.states()) {
                db.insertInto(TRUNK_STATE).set(TRUNK_STATE.TRUNK_ID, t.trunkId())
                        .set(TRUNK_STATE.EFFECTIVE_FROM, s.effectiveFrom()).set(TRUNK_STATE.CHANNELS, s.channels())
                        .set(TRUNK_STATE.CHANNEL_PLAN, s.plan().name())
                        .set(TRUNK_STATE.ADMIN_STATUS, s.adminStatus().name())
                        .set(TRUNK_STATE.ACTION_STATUS, s.actionStatus().name())
                        .set(TRUNK_STATE.SNAPSHOT_ID, 1L).execute();
            }
            return this;
        }

        private long newVersion(String table) {
            return db.insertInto(RATE_TABLE_VERSION).set(RATE_TABLE_VERSION.TABLE_NAME, table)
                    .set(RATE_TABLE_VERSION.SOURCE_FILE, "test").set(RATE_TABLE_VERSION.CONTENT_HASH, table + "-hash")
                    .set(RATE_TABLE_VERSION.ROW_COUNT, 0).set(RATE_TABLE_VERSION.IMPORTED_AT, Instant.now())
                    .returning(RATE_TABLE_VERSION.VERSION_ID).fetchOne().getVersionId();
        }

        public Db plans(List<ChannelPlanRow> rows) {
            long version = newVersion("CHANNEL_PLANS");
            long rowId = 0;
            for (ChannelPlanRow r : rows) {
                db.insertInto(CHANNEL_PLAN_RATE).set(CHANNEL_PLAN_RATE.VERSION_ID, version)
                        .set(CHANNEL_PLAN_RATE.ROW_ID, ++rowId).set(CHANNEL_PLAN_RATE.PRICE_LIST, r.priceList())
                        .set(CHANNEL_PLAN_RATE.PLAN, r.plan().name())
                        .set(CHANNEL_PLAN_RATE.PRICE_PER_CHANNEL_MONTH, r.pricePerChannelMonth())
                        .set(CHANNEL_PLAN_RATE.CURRENCY, r.currency())
                        .set(CHANNEL_PLAN_RATE.FAIR_USE_MINUTES_PER_CHANNEL, r.fairUseMinutesPerChannel())
                        .set(CHANNEL_PLAN_RATE.OVERAGE_RATE_PER_MINUTE, r.overageRatePerMinute())
                        .set(CHANNEL_PLAN_RATE.EFFECTIVE_FROM, r.effective().from())
                        .set(CHANNEL_PLAN_RATE.EFFECTIVE_TO, r.effective().to()).execute();
            }
            return this;
        }

        public Db taxes(List<TaxRow> rows) {
            long version = newVersion("TAX_RATES");
            long rowId = 0;
            for (TaxRow r : rows) {
                db.insertInto(TAX_RATE).set(TAX_RATE.VERSION_ID, version).set(TAX_RATE.ROW_ID, ++rowId)
                        .set(TAX_RATE.TAX_CODE, r.taxCode()).set(TAX_RATE.TAX_NAME, r.taxName())
                        .set(TAX_RATE.COUNTRY, r.country()).set(TAX_RATE.STATE, r.state())
                        .set(TAX_RATE.COUNTY, r.county()).set(TAX_RATE.CITY, r.city())
                        .set(TAX_RATE.BASIS, r.basis().name()).set(TAX_RATE.RATE, r.rate())
                        .set(TAX_RATE.CURRENCY, r.currency()).set(TAX_RATE.APPLIES_TO, r.appliesTo().name())
                        .set(TAX_RATE.BASE_FRACTION, r.baseFraction()).set(TAX_RATE.REVERSE_CHARGE_B2B, r.reverseChargeB2b())
                        .set(TAX_RATE.EFFECTIVE_FROM, r.effective().from())
                        .set(TAX_RATE.EFFECTIVE_TO, r.effective().to()).execute();
            }
            return this;
        }

        public Db fxRates(FxRow... rows) {
            long version = newVersion("FX_RATES");
            long rowId = 0;
            for (FxRow r : rows) {
                db.insertInto(FX_RATE).set(FX_RATE.VERSION_ID, version).set(FX_RATE.ROW_ID, ++rowId)
                        .set(FX_RATE.RATE_DATE, r.date()).set(FX_RATE.BASE, r.base()).set(FX_RATE.QUOTE, r.quote())
                        .set(FX_RATE.RATE, r.rate()).execute();
            }
            return this;
        }

        /**
         * One current RATED rating of a fresh CDR (id returned) of October: {@code cost} is unrounded as the rating
         * job stores it.
         */
        public String ratedCdr(String accountId, String trunkId, String category, String destination, String currency,
                               String ratePerMinute, long billedSeconds, String cost) {
            String cdrId = "CDR-" + cdrSequence.incrementAndGet();
            insertRating(cdrId, accountId, trunkId, category, destination, currency, ratePerMinute, billedSeconds, cost);
            return cdrId;
        }

        /** The key of the CDR "CDR-n" of a rating (a test that also stores the CDR stores it under the same key): n. */
        private static long key(String cdrId) {
            return Long.parseLong(cdrId.substring("CDR-".length()));
        }

        /** A re-rating (SPEC §4.6): the CDR's current rating is superseded by a new one of a new run. */
        public void reRate(String cdrId, String accountId, String trunkId, String category, String destination,
                           String currency, String ratePerMinute, long billedSeconds, String cost) {
            runId++;
            db.update(RATED_CDR).set(RATED_CDR.IS_CURRENT, false)
                    .where(RATED_CDR.CDR_ID.eq(cdrId)).and(RATED_CDR.IS_CURRENT.isTrue()).execute();
            insertRating(cdrId, accountId, trunkId, category, destination, currency, ratePerMinute, billedSeconds, cost);
        }

        private void insertRating(String cdrId, String accountId, String trunkId, String category, String destination,
                                  String currency, String ratePerMinute, long billedSeconds, String cost) {
            db.insertInto(RATED_CDR).set(RATED_CDR.CDR_KEY, key(cdrId)).set(RATED_CDR.CDR_ID, cdrId)
                    .set(RATED_CDR.RUN_ID, runId)
                    .set(RATED_CDR.IS_CURRENT, true).set(RATED_CDR.STATUS, "RATED")
                    .set(RATED_CDR.TRUNK_ID, trunkId).set(RATED_CDR.ACCOUNT_ID, accountId)
                    .set(RATED_CDR.PERIOD, OCTOBER.toString())
                    .set(RATED_CDR.DIRECTION, "ORIGINATION".equals(category) ? "INBOUND" : "OUTBOUND")
                    .set(RATED_CDR.CATEGORY, category).set(RATED_CDR.DESTINATION, destination)
                    .set(RATED_CDR.RATE_PER_MINUTE, new BigDecimal(ratePerMinute)).set(RATED_CDR.CURRENCY, currency)
                    .set(RATED_CDR.FIRST_INCREMENT_S, 6).set(RATED_CDR.NEXT_INCREMENT_S, 6)
                    .set(RATED_CDR.CONNECT_FEE, BigDecimal.ZERO).set(RATED_CDR.BILLABLE, true)
                    .set(RATED_CDR.DURATION_S, billedSeconds).set(RATED_CDR.BILLED_S, billedSeconds)
                    .set(RATED_CDR.COST, new BigDecimal(cost)).execute();
        }

        /** A CDR that is still pending (NO_RATE): never invoiced. */
        public void noRateCdr(String accountId, String trunkId) {
            long key = cdrSequence.incrementAndGet();
            db.insertInto(RATED_CDR).set(RATED_CDR.CDR_KEY, key).set(RATED_CDR.CDR_ID, "CDR-" + key)
                    .set(RATED_CDR.RUN_ID, runId).set(RATED_CDR.IS_CURRENT, true).set(RATED_CDR.STATUS, "NO_RATE")
                    .set(RATED_CDR.TRUNK_ID, trunkId).set(RATED_CDR.ACCOUNT_ID, accountId)
                    .set(RATED_CDR.PERIOD, OCTOBER.toString()).set(RATED_CDR.DIRECTION, "OUTBOUND")
                    .set(RATED_CDR.BILLABLE, true).set(RATED_CDR.DURATION_S, 60L).set(RATED_CDR.BILLED_S, 60L)
                    .set(RATED_CDR.COST, BigDecimal.ZERO).execute();
        }
    }
}
