package com.trunkbill.inventory;

import com.trunkbill.inventory.model.InventoryFiles;
import com.trunkbill.inventory.model.ParsedSnapshot;
import com.trunkbill.inventory.model.RawRow;
import org.apache.commons.csv.CSVFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixtures for inventory snapshots: row builders with sensible defaults
 * ({@code aTrunk("T-1").channels(20).plan("UNLIMITED_US")}) that become CSV files or parsed rows.
 */
public final class InventoryCsv {

    public static final String US_ACCOUNT = "A-US";
    public static final String US_ADDRESS = "ADDR-US";

    private final List<Row> accounts;
    private final List<Row> addresses;
    private final List<Row> trunks;

    private InventoryCsv(List<Row> accounts, List<Row> addresses, List<Row> trunks) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.trunks = trunks;
    }

    /** A snapshot; pass null for a file that is absent. */
    public static InventoryCsv snapshot(List<Row> accounts, List<Row> addresses, List<Row> trunks) {
        return new InventoryCsv(accounts, addresses, trunks);
    }

    /** The US account with one New York address, and the given trunks. */
    public static InventoryCsv usAccountWith(Row... trunks) {
        return snapshot(List.of(anAccount(US_ACCOUNT)), List.of(anAddress(US_ADDRESS)), List.of(trunks));
    }

    public static Row anAccount(String id) {
        return new Row(InventoryFiles.ACCOUNT_COLUMNS).set("account_id", id).set("name", "Account " + id)
                .set("currency", "USD").set("country", "US").set("price_list", "STANDARD").set("vat_id", "");
    }

    public static Row anAddress(String id) {
        return new Row(InventoryFiles.ADDRESS_COLUMNS).set("address_id", id).set("account_id", US_ACCOUNT)
                .set("street", "1250 Broadway").set("city", "New York").set("county", "New York").set("state", "NY")
                .set("postal_code", "10001").set("country", "US");
    }

    public static Row aTrunk(String id) {
        return new Row(InventoryFiles.TRUNK_COLUMNS).set("trunk_id", id).set("account_id", US_ACCOUNT)
                .set("name", "pbx-" + id).set("trunk_type", "STATIC").set("data_center", "NEW_YORK")
                .set("channels", "10").set("channel_plan", "METERED").set("service_address_id", US_ADDRESS)
                .set("admin_status", "ENABLED").set("action_status", "SUCCESS")
                .set("created_at", "2026-01-01T00:00:00Z").set("deleted_at", "");
    }

    /** Writes the present files into {@code dir} (created) and returns it. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(InventoryFiles.ACCOUNTS), InventoryFiles.ACCOUNT_COLUMNS, accounts);
            write(dir.resolve(InventoryFiles.SERVICE_ADDRESSES), InventoryFiles.ADDRESS_COLUMNS, addresses);
            write(dir.resolve(InventoryFiles.TRUNKS), InventoryFiles.TRUNK_COLUMNS, trunks);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot as the job parses it (line numbers from 2, after the header). */
    public ParsedSnapshot parsed() {
        ParsedSnapshot parsed = new ParsedSnapshot();
        if (accounts != null) {
            parsed.withAccounts(rawRows(accounts));
        }
        if (addresses != null) {
            parsed.withAddresses(rawRows(addresses));
        }
        if (trunks != null) {
            parsed.withTrunks(rawRows(trunks));
        }
        return parsed;
    }

    private static List<RawRow> rawRows(List<Row> rows) {
        List<RawRow> raw = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            raw.add(RawRow.of(i + 2, rows.get(i).fields()));
        }
        return raw;
    }

    /** Writes the rows; the header is the first row's columns (all of {@code columns} for no row). */
    private static void write(Path file, List<String> columns, List<Row> rows) throws IOException {
        if (rows == null) {
            return;
        }
        List<String> header = rows.isEmpty() ? columns : List.copyOf(rows.get(0).fields().keySet());
        for (Row row : rows) {
            if (!List.copyOf(row.fields().keySet()).equals(header)) {
                throw new IllegalArgumentException(file.getFileName() + ": rows with different columns: "
                        + row.fields().keySet() + " vs " + header);
            }
        }
        StringBuilder text = new StringBuilder(CSVFormat.RFC4180.format(header.toArray())).append('\n');
        for (Row row : rows) {
            text.append(CSVFormat.RFC4180.format(row.fields().values().toArray())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** One row, by column name, in the file's column order. */
    public static final class Row {
        private final Map<String, String> fields = new LinkedHashMap<>();

        Row(List<String> columns) {
            columns.forEach(column -> fields.put(column, ""));
        }

        public Row set(String column, String value) {
            if (!fields.containsKey(column)) {
                throw new IllegalArgumentException("no column " + column);
            }
            fields.put(column, value == null ? "" : value);
            return this;
        }

        /** Leaves optional columns out of the file (the header and every row must agree). */
        public Row without(String... columns) {
            for (String column : columns) {
                if (fields.remove(column) == null) {
                    throw new IllegalArgumentException("no column " + column);
                }
            }
            return this;
        }

        public Row account(String accountId) {
            return set("account_id", accountId);
        }

        public Row channels(int channels) {
            return set("channels", Integer.toString(channels));
        }

        public Row plan(String plan) {
            return set("channel_plan", plan);
        }

        public Row type(String type) {
            return set("trunk_type", type);
        }

        public Row dataCenter(String dataCenter) {
            return set("data_center", dataCenter);
        }

        public Row address(String addressId) {
            return set("service_address_id", addressId);
        }

        public Row createdAt(String instant) {
            return set("created_at", instant);
        }

        public Row deletedAt(String instant) {
            return set("deleted_at", instant);
        }

        public Row country(String country) {
            return set("country", country);
        }

        public Map<String, String> fields() {
            return fields;
        }
    }
}
