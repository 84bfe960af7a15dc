package com.trunkbill.inventory.model;

import com.trunkbill.support.SafeFileNames;

import javax.money.Monetary;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates one row of an inventory file (SPEC §3, §3.1, reason codes of SPEC §9 where they fit):
 * <ul>
 *   <li>{@code MALFORMED_ROW}: not as many fields as the header;</li>
 *   <li>{@code MISSING_FIELD}: a required field empty;</li>
 *   <li>{@code FIELD_TOO_LONG}: longer than its database column;</li>
 *   <li>{@code BAD_ID}: an {@code account_id} outside the safe alphabet of {@link SafeFileNames#isSafeId}
 *       (it names the invoice files);</li>
 *   <li>{@code BAD_ENUM}: not one of the values SPEC §3.1 lists (exact, upper case);</li>
 *   <li>{@code BAD_INSTANT}: not ISO-8601 with an offset or {@code Z};</li>
 *   <li>{@code BAD_NUMBER}: {@code channels} not a whole number >= 1;</li>
 *   <li>{@code BAD_CURRENCY}: not three upper-case letters of a known ISO 4217 currency;</li>
 *   <li>{@code BAD_COUNTRY}: not an upper-case ISO 3166-1 alpha-2 code;</li>
 *   <li>{@code DELETED_BEFORE_CREATED}: {@code deleted_at} earlier than {@code created_at}.</li>
 * </ul>
 * An optional column missing from the header reads as an empty cell ({@code price_list} defaults to
 * {@code STANDARD}, no {@code deleted_at} = not deleted); the import checks the required columns are there.
 */
public final class InventoryRowParser {

    public static final String DEFAULT_PRICE_LIST = "STANDARD";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private InventoryRowParser() {
    }

    public static AccountRow account(RawRow row) {
        checkWidth(row);
        String accountId = accountId(row);
        String name = required(row, "name", 200);
        String currency = currency(row, "currency");
        String country = country(row, "country");
        String priceList = optional(row, "price_list", 64);
        String vatId = optional(row, "vat_id", 64);
        BillingAddress billing = new BillingAddress(optional(row, "billing_street", 200),
                optional(row, "billing_city", 100), optional(row, "billing_postal_code", 20),
                optional(row, "billing_state", 100));
        return new AccountRow(row.lineNo(), row.values(), new Account(accountId, name, currency, country,
                priceList == null ? DEFAULT_PRICE_LIST : priceList, vatId, billing));
    }

    public static AddressRow address(RawRow row) {
        checkWidth(row);
        String addressId = required(row, "address_id", 64);
        String accountId = accountId(row);
        String street = optional(row, "street", 200);
        String city = optional(row, "city", 100);
        String county = optional(row, "county", 100);
        String state = optional(row, "state", 10);
        String postalCode = optional(row, "postal_code", 20);
        String country = country(row, "country");
        return new AddressRow(row.lineNo(), row.values(),
                new ServiceAddress(addressId, accountId, street, city, county, state, postalCode, country));
    }

    public static TrunkRow trunk(RawRow row) {
        checkWidth(row);
        String trunkId = required(row, "trunk_id", 64);
        String accountId = accountId(row);
        String name = required(row, "name", 200);
        TrunkType type = enumValue(row, "trunk_type", TrunkType.class);
        DataCenter dataCenter = enumValue(row, "data_center", DataCenter.class);
        int channels = channels(row);
        ChannelPlan plan = enumValue(row, "channel_plan", ChannelPlan.class);
        // no service_address_id column = not given (a stored trunk keeps its address); an empty cell = none
        boolean serviceAddressGiven = row.hasColumn("service_address_id");
        String serviceAddressId = optional(row, "service_address_id", 64);
        AdminStatus adminStatus = enumValue(row, "admin_status", AdminStatus.class);
        ActionStatus actionStatus = enumValue(row, "action_status", ActionStatus.class);
        Instant createdAt = instant(row, "created_at", required(row, "created_at", 64));
        String deletedText = optional(row, "deleted_at", 64); // no deleted_at column = not deleted
        Instant deletedAt = deletedText == null ? null : instant(row, "deleted_at", deletedText);
        if (deletedAt != null && deletedAt.isBefore(createdAt)) {
            throw new RowRefusal("DELETED_BEFORE_CREATED", "trunk " + trunkId + ": deleted_at " + deletedAt
                    + " is before created_at " + createdAt);
        }
        return new TrunkRow(row.lineNo(), row.values(), trunkId, accountId, name, type, dataCenter, channels, plan,
                serviceAddressId, serviceAddressGiven, adminStatus, actionStatus, createdAt, deletedAt);
    }

    private static void checkWidth(RawRow row) {
        if (!row.fullWidth()) {
            throw new RowRefusal("MALFORMED_ROW", "the record has " + row.values().length
                    + " fields, not as many as the header");
        }
    }

    /** SPEC §7 names invoice files after the account id: only ids of the safe alphabet are imported. */
    private static String accountId(RawRow row) {
        String accountId = required(row, "account_id", SafeFileNames.MAX_ID_LENGTH);
        if (!SafeFileNames.isSafeId(accountId)) {
            throw new RowRefusal("BAD_ID", "account_id is not a safe id (" + SafeFileNames.safeIdRule()
                    + "); it names the invoice files");
        }
        return accountId;
    }

    private static String required(RawRow row, String column, int maxLength) {
        String value = optional(row, column, maxLength);
        if (value == null) {
            throw new RowRefusal("MISSING_FIELD", column + " is empty");
        }
        return value;
    }

    private static String optional(RawRow row, String column, int maxLength) {
        String value = row.get(column);
        if (value != null && value.length() > maxLength) {
            throw new RowRefusal("FIELD_TOO_LONG", column + " has " + value.length() + " characters, at most "
                    + maxLength + " allowed");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(RawRow row, String column, Class<E> type) {
        String value = required(row, column, 64);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new RowRefusal("BAD_ENUM", column + " '" + value + "' is not one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static int channels(RawRow row) {
        String value = required(row, "channels", 64);
        try {
            int channels = Integer.parseInt(value);
            if (channels >= 1) {
                return channels;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RowRefusal("BAD_NUMBER", "channels '" + value + "' is not a whole number >= 1");
    }

    /** Instants the databases store: years 0001 to 9999 (PostgreSQL refuses year 999,999,999). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static Instant instant(RawRow row, String column, String value) {
        try {
            // the database keeps microseconds: so does the comparison with the stored inventory
            Instant instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new RowRefusal("BAD_INSTANT", column + " '" + value + "' is outside the years 0001 to 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new RowRefusal("BAD_INSTANT", column + " '" + value
                    + "' is not an ISO-8601 instant with an offset or Z (e.g. 2026-10-01T00:00:00Z)");
        }
    }

    private static String currency(RawRow row, String column) {
        String value = required(row, column, 64);
        if (!CURRENCY.matcher(value).matches() || !Monetary.isCurrencyAvailable(value)) {
            throw new RowRefusal("BAD_CURRENCY", column + " '" + value + "' is not an ISO 4217 currency code");
        }
        return value;
    }

    private static String country(RawRow row, String column) {
        String value = required(row, column, 64);
        if (!COUNTRIES.contains(value)) {
            throw new RowRefusal("BAD_COUNTRY", column + " '" + value
                    + "' is not an ISO 3166-1 alpha-2 country code (upper case)");
        }
        return value;
    }
}
