package com.trunkbill.testsupport;

import com.trunkbill.inventory.model.BillingAddress;
import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;
import org.jooq.DSLContext;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.trunkbill.db.jooq.Tables.ACCOUNT;
import static com.trunkbill.db.jooq.Tables.SERVICE_ADDRESS;
import static com.trunkbill.db.jooq.Tables.TRUNK;
import static com.trunkbill.db.jooq.Tables.TRUNK_STATE;

/**
 * Test fixtures for the inventory tables, inserted directly with jOOQ (no import job needed):
 * <pre>
 * anAccount("A1").currency("EUR").country("DE").vatId("DE123").insert(db);
 * anAddress("AD1").account("A1").city("New York").county("New York").state("NY").country("US").insert(db);
 * aTrunk("T1").account("A1").freshworks().dataCenter("NEW_YORK").createdAt("2026-01-02T00:00:00Z")
 *         .channels(10).insert(db);
 * aTrunk("T2").account("A1").createdAt("2026-01-01T00:00:00Z").channels(4)
 *         .state("2026-10-10T12:00:00Z", 8, "UNLIMITED_US", "ENABLED", "SUCCESS").insert(db);
 * loadInventory(db, Path.of("sample-cdrs/inventory"));   // the shipped sample, as an import would leave it
 * </pre>
 * The first trunk state is effective from created_at with the builder's channels / plan / statuses; state(...)
 * adds later changes. A trunk whose account does not exist yet gets a default one (USD, US, STANDARD).
 * snapshot_id is {@value #SNAPSHOT_ID} (no inventory_snapshot row is created: the column has no foreign key).
 */
public final class InventoryFixtures {

    public static final long SNAPSHOT_ID = 0;

    private InventoryFixtures() {
    }

    public static AccountBuilder anAccount(String accountId) {
        return new AccountBuilder(accountId);
    }

    public static AddressBuilder anAddress(String addressId) {
        return new AddressBuilder(addressId);
    }

    public static TrunkBuilder aTrunk(String trunkId) {
        return new TrunkBuilder(trunkId);
    }

    public static Instant instant(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    public static final class AccountBuilder {
        private final String accountId;
        private String name;
        private String currency = "USD";
        private String country = "US";
        private String priceList = "STANDARD";
        private String vatId;
        private BillingAddress billing = BillingAddress.NONE;

        private AccountBuilder(String accountId) {
            this.accountId = accountId;
            this.name = accountId + " Inc.";
        }

        public AccountBuilder name(String value) { name = value; return this; }
        public AccountBuilder currency(String value) { currency = value; return this; }
        public AccountBuilder country(String value) { country = value; return this; }
        public AccountBuilder priceList(String value) { priceList = value; return this; }
        public AccountBuilder vatId(String value) { vatId = value; return this; }
        public AccountBuilder billing(BillingAddress value) { billing = value; return this; }

        public String insert(DSLContext db) {
            db.insertInto(ACCOUNT).set(ACCOUNT.ACCOUNT_ID, accountId).set(ACCOUNT.NAME, name)
                    .set(ACCOUNT.CURRENCY, currency).set(ACCOUNT.COUNTRY, country).set(ACCOUNT.PRICE_LIST, priceList)
                    .set(ACCOUNT.VAT_ID, vatId).set(ACCOUNT.BILLING_STREET, billing.street())
                    .set(ACCOUNT.BILLING_CITY, billing.city()).set(ACCOUNT.BILLING_POSTAL_CODE, billing.postalCode())
                    .set(ACCOUNT.BILLING_STATE, billing.state()).set(ACCOUNT.SNAPSHOT_ID, SNAPSHOT_ID).execute();
            return accountId;
        }
    }

    public static final class AddressBuilder {
        private final String addressId;
        private String accountId;
        private String street = "1 Main Street";
        private String city;
        private String county;
        private String state;
        private String postalCode;
        private String country = "US";

        private AddressBuilder(String addressId) {
            this.addressId = addressId;
        }

        public AddressBuilder account(String value) { accountId = value; return this; }
        public AddressBuilder street(String value) { street = value; return this; }
        public AddressBuilder city(String value) { city = value; return this; }
        public AddressBuilder county(String value) { county = value; return this; }
        public AddressBuilder state(String value) { state = value; return this; }
        public AddressBuilder postalCode(String value) { postalCode = value; return this; }
        public AddressBuilder country(String value) { country = value; return this; }

        public String insert(DSLContext db) {
            db.insertInto(SERVICE_ADDRESS).set(SERVICE_ADDRESS.ADDRESS_ID, addressId)
                    .set(SERVICE_ADDRESS.ACCOUNT_ID, accountId).set(SERVICE_ADDRESS.STREET, street)
                    .set(SERVICE_ADDRESS.CITY, city).set(SERVICE_ADDRESS.COUNTY, county)
                    .set(SERVICE_ADDRESS.STATE, state).set(SERVICE_ADDRESS.POSTAL_CODE, postalCode)
                    .set(SERVICE_ADDRESS.COUNTRY, country).set(SERVICE_ADDRESS.SNAPSHOT_ID, SNAPSHOT_ID).execute();
            return addressId;
        }
    }

    public static final class TrunkBuilder {
        private record State(Instant from, int channels, String plan, String admin, String action) {
        }

        private final String trunkId;
        private String accountId = "ACC-1";
        private String name;
        private String type = "STATIC";
        private String dataCenter = "NEW_YORK";
        private String serviceAddressId;
        private Instant createdAt = instant("2026-01-01T00:00:00Z");
        private Instant deletedAt;
        private boolean missingPpu;
        private int channels = 10;
        private String plan = "METERED";
        private String adminStatus = "ENABLED";
        private String actionStatus = "SUCCESS";
        private final List<State> laterStates = new ArrayList<>();

        private TrunkBuilder(String trunkId) {
            this.trunkId = trunkId;
            this.name = trunkId.toLowerCase(Locale.ROOT);
        }

        public TrunkBuilder account(String value) { accountId = value; return this; }
        public TrunkBuilder name(String value) { name = value; return this; }
        public TrunkBuilder type(String value) { type = value; return this; }
        public TrunkBuilder freshworks() { type = "FRESHWORKS"; return this; }
        public TrunkBuilder dataCenter(String value) { dataCenter = value; return this; }
        public TrunkBuilder serviceAddress(String value) { serviceAddressId = value; return this; }
        public TrunkBuilder createdAt(String iso) { createdAt = instant(iso); return this; }
        public TrunkBuilder deletedAt(String iso) { deletedAt = iso == null ? null : instant(iso); return this; }
        public TrunkBuilder missingPpu() { missingPpu = true; return this; }
        public TrunkBuilder channels(int value) { channels = value; return this; }
        public TrunkBuilder plan(String value) { plan = value; return this; }
        public TrunkBuilder unlimitedUs() { plan = "UNLIMITED_US"; return this; }
        public TrunkBuilder adminStatus(String value) { adminStatus = value; return this; }
        public TrunkBuilder actionStatus(String value) { actionStatus = value; return this; }

        /** A later change of channels, plan and statuses (an inventory snapshot at {@code effectiveFrom}). */
        public TrunkBuilder state(String effectiveFrom, int stateChannels, String statePlan, String admin,
                                  String action) {
            laterStates.add(new State(instant(effectiveFrom), stateChannels, statePlan, admin, action));
            return this;
        }

        public String insert(DSLContext db) {
            if (!db.fetchExists(ACCOUNT, ACCOUNT.ACCOUNT_ID.eq(accountId))) {
                anAccount(accountId).insert(db);
            }
            db.insertInto(TRUNK).set(TRUNK.TRUNK_ID, trunkId).set(TRUNK.ACCOUNT_ID, accountId).set(TRUNK.NAME, name)
                    .set(TRUNK.TRUNK_TYPE, type).set(TRUNK.DATA_CENTER, dataCenter)
                    .set(TRUNK.SERVICE_ADDRESS_ID, serviceAddressId).set(TRUNK.CREATED_AT, createdAt)
                    .set(TRUNK.DELETED_AT, deletedAt).set(TRUNK.MISSING_PPU, missingPpu)
                    .set(TRUNK.SNAPSHOT_ID, SNAPSHOT_ID).execute();
            insertState(db, new State(createdAt, channels, plan, adminStatus, actionStatus));
            laterStates.forEach(state -> insertState(db, state));
            return trunkId;
        }

        private void insertState(DSLContext db, State state) {
            db.insertInto(TRUNK_STATE).set(TRUNK_STATE.TRUNK_ID, trunkId).set(TRUNK_STATE.EFFECTIVE_FROM, state.from())
                    .set(TRUNK_STATE.CHANNELS, state.channels()).set(TRUNK_STATE.CHANNEL_PLAN, state.plan())
                    .set(TRUNK_STATE.ADMIN_STATUS, state.admin()).set(TRUNK_STATE.ACTION_STATUS, state.action())
                    .set(TRUNK_STATE.SNAPSHOT_ID, SNAPSHOT_ID).execute();
        }
    }

    /**
     * Inserts {@code accounts.csv}, {@code service-addresses.csv} and {@code trunks.csv} of {@code dir} as they
     * are (no import rules applied): the state of each trunk is effective from its created_at.
     */
    public static void loadInventory(DSLContext db, Path dir) {
        try (CsvInput accounts = CsvInput.open(dir.resolve("accounts.csv"), List.of("account_id"), List.of("account_id",
                "name", "currency", "country", "price_list", "vat_id", "billing_street", "billing_city",
                "billing_postal_code", "billing_state"))) {
            for (CsvLine line : accounts) {
                anAccount(line.get("account_id")).name(line.get("name")).currency(line.get("currency"))
                        .country(line.get("country")).priceList(line.get("price_list")).vatId(line.get("vat_id"))
                        .billing(new BillingAddress(line.get("billing_street"), line.get("billing_city"),
                                line.get("billing_postal_code"), line.get("billing_state")))
                        .insert(db);
            }
        }
        try (CsvInput addresses = CsvInput.open(dir.resolve("service-addresses.csv"), List.of("address_id"),
                List.of("address_id", "account_id", "street", "city", "county", "state", "postal_code", "country"))) {
            for (CsvLine line : addresses) {
                anAddress(line.get("address_id")).account(line.get("account_id")).street(line.get("street"))
                        .city(line.get("city")).county(line.get("county")).state(line.get("state"))
                        .postalCode(line.get("postal_code")).country(line.get("country")).insert(db);
            }
        }
        try (CsvInput trunks = CsvInput.open(dir.resolve("trunks.csv"), List.of("trunk_id"), List.of("trunk_id",
                "account_id", "name", "trunk_type", "data_center", "channels", "channel_plan", "service_address_id",
                "admin_status", "action_status", "created_at", "deleted_at"))) {
            for (CsvLine line : trunks) {
                TrunkBuilder trunk = aTrunk(line.get("trunk_id")).account(line.get("account_id")).name(line.get("name"))
                        .type(line.get("trunk_type")).dataCenter(line.get("data_center"))
                        .channels(Integer.parseInt(line.get("channels"))).plan(line.get("channel_plan"))
                        .serviceAddress(line.get("service_address_id")).adminStatus(line.get("admin_status"))
                        .actionStatus(line.get("action_status")).createdAt(line.get("created_at"))
                        .deletedAt(line.get("deleted_at"));
                if (line.get("service_address_id") == null && "US".equals(db.select(ACCOUNT.COUNTRY).from(ACCOUNT)
                        .where(ACCOUNT.ACCOUNT_ID.eq(line.get("account_id"))).fetchOne(ACCOUNT.COUNTRY))) {
                    trunk.missingPpu();
                }
                trunk.insert(db);
            }
        }
    }
}
