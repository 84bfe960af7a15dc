package com.trunkbill.inventory.model;

import java.util.List;

/**
 * The three files of an inventory snapshot and their columns (SPEC §3.1). Every listed column is required in
 * the header (a missing one refuses the whole snapshot): an absent {@code service_address_id} or
 * {@code deleted_at} column would otherwise read as "cleared" for every trunk. A cell may still be empty
 * where the field is optional.
 */
public final class InventoryFiles {

    public static final String ACCOUNTS = "accounts.csv";
    public static final String SERVICE_ADDRESSES = "service-addresses.csv";
    public static final String TRUNKS = "trunks.csv";

    public static final List<String> ACCOUNT_COLUMNS =
            List.of("account_id", "name", "currency", "country", "price_list", "vat_id");
    public static final List<String> ADDRESS_COLUMNS =
            List.of("address_id", "account_id", "street", "city", "county", "state", "postal_code", "country");
    public static final List<String> TRUNK_COLUMNS = List.of("trunk_id", "account_id", "name", "trunk_type",
            "data_center", "channels", "channel_plan", "service_address_id", "admin_status", "action_status",
            "created_at", "deleted_at");

    private InventoryFiles() {
    }
}
