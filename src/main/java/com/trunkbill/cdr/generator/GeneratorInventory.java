package com.trunkbill.cdr.generator;

import com.trunkbill.support.CsvInput;
import com.trunkbill.support.CsvLine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The inventory CSVs ({@code accounts.csv}, {@code trunks.csv}, SPEC §3.1) as far as the generator needs them. */
public record GeneratorInventory(List<Trunk> trunks, Map<String, String> accountCountries) {

    /** A trunk as the generator sees it. */
    public record Trunk(String trunkId, String accountId, String type, String dataCenter, int channels,
                        Instant createdAt, Instant deletedAt) {
        boolean existsAt(Instant t) {
            return !t.isBefore(createdAt) && (deletedAt == null || t.isBefore(deletedAt));
        }
    }

    public static GeneratorInventory read(Path dir) {
        Map<String, String> countries = new HashMap<>();
        try (CsvInput accounts = CsvInput.open(dir.resolve("accounts.csv"), List.of("account_id", "country"),
                List.of("account_id", "name", "currency", "country", "price_list", "vat_id", "billing_street",
                        "billing_city", "billing_postal_code", "billing_state"))) {
            for (CsvLine line : accounts) {
                countries.put(line.get("account_id"), line.get("country"));
            }
        }
        List<Trunk> trunks = new ArrayList<>();
        List<String> columns = List.of("trunk_id", "account_id", "trunk_type", "data_center", "channels", "created_at");
        try (CsvInput input = CsvInput.open(dir.resolve("trunks.csv"), columns, List.of("trunk_id", "account_id",
                "name", "trunk_type", "data_center", "channels", "channel_plan", "service_address_id", "admin_status",
                "action_status", "created_at", "deleted_at"))) {
            for (CsvLine line : input) {
                String deleted = line.get("deleted_at");
                trunks.add(new Trunk(line.get("trunk_id"), line.get("account_id"), line.get("trunk_type"),
                        line.get("data_center"), Integer.parseInt(line.get("channels")),
                        OffsetDateTime.parse(line.get("created_at")).toInstant(),
                        deleted == null ? null : OffsetDateTime.parse(deleted).toInstant()));
            }
        }
        if (trunks.isEmpty()) {
            throw new IllegalArgumentException(dir.resolve("trunks.csv") + " has no trunk");
        }
        return new GeneratorInventory(List.copyOf(trunks), Map.copyOf(countries));
    }
}
