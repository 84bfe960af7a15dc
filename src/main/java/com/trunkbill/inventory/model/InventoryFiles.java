package com.trunkbill.inventory.model;

import java.util.List;

/**
 * The three files of an inventory snapshot and their columns (SPEC §3.1). {@code *_COLUMNS} are all the columns
 * the import knows; {@code *_REQUIRED_COLUMNS} those whose value is required, which must be in the header (a
 * missing one refuses the whole snapshot). An optional column may be left out: its value is then absent, as for
 * an empty cell (SPEC §3), except that a missing {@code service_address_id} column means "not given" (a stored
 * trunk keeps its address), not "cleared".
 */
public final class InventoryFiles {

    public static final String ACCOUNTS = "accounts.csv";
    public static final String SERVICE_ADDRESSES = "service-addresses.csv";
    public static final String TRUNKS = "trunks.csv";

    public static final List<String> ACCOUNT_REQUIRED_COLUMNS = List.of("account_id", "name", "currency", "country");
    public static final List<String> ADDRESS_REQUIRED_COLUMNS = List.of("address_id", "account_id", "country");
    public static final List<String> TRUNK_REQUIRED_COLUMNS = List.of("trunk_id", "account_id", "name", "trunk_type",
            "data_center", "channels", "channel_plan", "admin_status", "action_status", "created_at");

    public static final List<String> ACCOUNT_COLUMNS =
            List.of("account_id", "name", "currency", "country", "price_list", "vat_id",
                    "billing_street", "billing_city", "billing_postal_code", "billing_state");
    public static final List<String> ADDRESS_COLUMNS =
            List.of("address_id", "account_id", "street", "city", "county", "state", "postal_code", "country");
    public static final List<String> TRUNK_COLUMNS = List.of("trunk_id", "account_id", "name", "trunk_type",
            "data_center", "channels", "channel_plan", "service_address_id", "admin_status", "action_status",
            "created_at", "deleted_at");

    private InventoryFiles() {
    }
}
