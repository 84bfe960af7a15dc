package com.trunkbill.inventory.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The valid rows of each inventory file, and the rows refused by validation. A list is null when its file is
 * absent from the snapshot directory: that entity then stays as stored (SPEC §3.2's rule for rate tables,
 * applied to the inventory).
 */
public final class ParsedSnapshot {

    private List<AccountRow> accounts;
    private List<AddressRow> addresses;
    private List<TrunkRow> trunks;
    private final List<SnapshotViolation> violations = new ArrayList<>();

    public ParsedSnapshot withAccounts(Iterable<RawRow> rows) {
        accounts = parse(InventoryFiles.ACCOUNTS, rows, InventoryRowParser::account, "account_id");
        return this;
    }

    public ParsedSnapshot withAddresses(Iterable<RawRow> rows) {
        addresses = parse(InventoryFiles.SERVICE_ADDRESSES, rows, InventoryRowParser::address, "address_id");
        return this;
    }

    public ParsedSnapshot withTrunks(Iterable<RawRow> rows) {
        trunks = parse(InventoryFiles.TRUNKS, rows, InventoryRowParser::trunk, "trunk_id");
        return this;
    }

    private <T> List<T> parse(String fileName, Iterable<RawRow> rows, Function<RawRow, T> parser, String idColumn) {
        List<T> valid = new ArrayList<>();
        for (RawRow row : rows) {
            try {
                valid.add(parser.apply(row));
            } catch (RowRefusal refusal) {
                String id = row.fullWidth() ? row.get(idColumn) : null;
                violations.add(SnapshotViolation.refused(fileName, row.lineNo(), id, refusal.reason(),
                        fileName + " line " + row.lineNo() + ": " + refusal.getMessage(), row.values()));
            }
        }
        return valid;
    }

    /** Valid account rows, or null when accounts.csv is absent. */
    public List<AccountRow> accounts() {
        return accounts;
    }

    /** Valid address rows, or null when service-addresses.csv is absent. */
    public List<AddressRow> addresses() {
        return addresses;
    }

    /** Valid trunk rows, or null when trunks.csv is absent. */
    public List<TrunkRow> trunks() {
        return trunks;
    }

    /** The rows refused by validation, with the id they name when it could be read. */
    public List<SnapshotViolation> violations() {
        return List.copyOf(violations);
    }
}
