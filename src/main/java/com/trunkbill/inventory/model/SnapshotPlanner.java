package com.trunkbill.inventory.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares an inventory snapshot taken at {@code asOf} with the stored inventory and decides what to insert,
 * update, delete or refuse (SPEC §3.1, §9 "Existence and history"). Pure: the job loads, calls, writes.
 *
 * <p>Refused rows (nothing of the row applies, the stored entity stays; the rest of the snapshot is applied):
 * <ul>
 *   <li>{@code DUPLICATE_ID}: an id already given by an earlier row of the same file (the first row counts);</li>
 *   <li>{@code UNKNOWN_ACCOUNT}: an address or trunk of an account neither stored nor in the snapshot;</li>
 *   <li>{@code ACCOUNT_CHANGE}: a row moving a stored trunk or address to another account (SPEC §9);</li>
 *   <li>{@code PPU_IMMUTABLE}: a row changing, clearing or setting a stored trunk's service address (SPEC §9:
 *       the PPU is fixed when the trunk is first seen, so a trunk first seen without one keeps none);</li>
 *   <li>{@code UNKNOWN_ADDRESS}: a new trunk naming an address that will not exist after this snapshot;</li>
 *   <li>{@code ADDRESS_OF_OTHER_ACCOUNT}: a new trunk naming another account's address;</li>
 *   <li>{@code WEBEX_LOCATION}: a {@code CISCO_WEBEX} trunk outside {@code NEW_YORK}/{@code PORTLAND}.</li>
 * </ul>
 * {@code ADDRESS_IN_USE} (REFUSED, no line): an address omitted from a snapshot's service-addresses.csv that a
 * stored trunk (deleted ones included) references is kept. Warnings (imported anyway): {@code MISSING_PPU}
 * (trunk of a US account without a service address, flagged), {@code LIMIT_TRUNKS},
 * {@code LIMIT_TRUNKS_PER_DATA_CENTER}, {@code LIMIT_DATA_CENTERS} (counting the account's trunks not deleted
 * at {@code asOf}).
 */
public final class SnapshotPlanner {

    public static final int MAX_TRUNKS_PER_ACCOUNT = 10;
    public static final int MAX_TRUNKS_PER_DATA_CENTER = 10;
    public static final int MAX_DATA_CENTERS = 2;
    private static final Set<DataCenter> WEBEX_DATA_CENTERS = Set.of(DataCenter.NEW_YORK, DataCenter.PORTLAND);

    private final StoredInventory stored;
    private final ParsedSnapshot snapshot;
    private final Instant asOf;
    private final List<SnapshotViolation> violations = new ArrayList<>();

    private SnapshotPlanner(StoredInventory stored, ParsedSnapshot snapshot, Instant asOf) {
        this.stored = stored;
        this.snapshot = snapshot;
        this.asOf = asOf;
    }

    /**
     * A backdated snapshot (its as-of before a change already recorded by a later snapshot) inserts its change
     * into the history and keeps the later changes; only the trunk's first state (at created_at) is replaced.
     */
    private boolean backdated(TrunkTimeline stored) {
        return stored.states().stream().skip(1).anyMatch(state -> state.effectiveFrom().isAfter(asOf));
    }

    public static SnapshotPlan plan(StoredInventory stored, ParsedSnapshot snapshot, Instant asOf) {
        return new SnapshotPlanner(stored, snapshot, asOf).plan();
    }

    private SnapshotPlan plan() {
        violations.addAll(snapshot.violations());

        // accounts: latest snapshot wins; an account absent from the snapshot stays (trunks may reference it)
        Map<String, Account> accounts = new HashMap<>(stored.accounts());
        List<Account> accountInserts = new ArrayList<>();
        List<Account> accountUpdates = new ArrayList<>();
        int accountsUnchanged = 0;
        if (snapshot.accounts() != null) {
            Set<String> seen = new HashSet<>();
            for (AccountRow row : snapshot.accounts()) {
                Account account = row.account();
                if (!seen.add(account.accountId())) {
                    refuse(InventoryFiles.ACCOUNTS, row.lineNo(), account.accountId(), "DUPLICATE_ID",
                            "account " + account.accountId() + " appears again (the first row counts)", row.raw());
                    continue;
                }
                Account before = stored.accounts().get(account.accountId());
                if (before == null) {
                    accountInserts.add(account);
                } else if (before.equals(account)) {
                    accountsUnchanged++;
                } else {
                    accountUpdates.add(account);
                }
                accounts.put(account.accountId(), account);
            }
        }

        // addresses: latest snapshot wins; omitted ones are deleted unless a trunk references them
        Map<String, ServiceAddress> addresses = new HashMap<>(stored.addresses());
        List<ServiceAddress> addressInserts = new ArrayList<>();
        List<ServiceAddress> addressUpdates = new ArrayList<>();
        List<String> addressDeletes = new ArrayList<>();
        int addressesUnchanged = 0;
        if (snapshot.addresses() != null) {
            Set<String> mentioned = new HashSet<>();
            snapshot.violations().stream()
                    .filter(v -> v.fileName().equals(InventoryFiles.SERVICE_ADDRESSES) && v.entityId() != null)
                    .forEach(v -> mentioned.add(v.entityId()));
            for (AddressRow row : snapshot.addresses()) {
                ServiceAddress address = row.address();
                String id = address.addressId();
                boolean firstMention = mentioned.add(id);
                ServiceAddress before = stored.addresses().get(id);
                if (!firstMention) {
                    refuse(InventoryFiles.SERVICE_ADDRESSES, row.lineNo(), id, "DUPLICATE_ID",
                            "address " + id + " appears again (the first row counts)", row.raw());
                } else if (!accounts.containsKey(address.accountId())) {
                    refuse(InventoryFiles.SERVICE_ADDRESSES, row.lineNo(), id, "UNKNOWN_ACCOUNT", "address " + id
                            + ": account " + address.accountId() + " is neither stored nor in accounts.csv", row.raw());
                } else if (before != null && !before.accountId().equals(address.accountId())) {
                    refuse(InventoryFiles.SERVICE_ADDRESSES, row.lineNo(), id, "ACCOUNT_CHANGE", "address " + id
                            + " belongs to account " + before.accountId() + ", the row moves it to "
                            + address.accountId() + "; the stored address stays", row.raw());
                } else if (before == null) {
                    addressInserts.add(address);
                    addresses.put(id, address);
                } else if (before.equals(address)) {
                    addressesUnchanged++;
                } else {
                    addressUpdates.add(address);
                    addresses.put(id, address);
                }
            }
            Map<String, Set<String>> referencingTrunks = referencingTrunks();
            for (String id : new TreeSet<>(stored.addresses().keySet())) {
                if (mentioned.contains(id)) {
                    continue;
                }
                Set<String> trunks = referencingTrunks.get(id);
                if (trunks == null) {
                    addressDeletes.add(id);
                    addresses.remove(id);
                } else {
                    violations.add(SnapshotViolation.refused(InventoryFiles.SERVICE_ADDRESSES, null, id,
                            "ADDRESS_IN_USE", "address " + id + " is not in this snapshot but trunk(s) "
                                    + String.join(", ", trunks) + " reference it; the address is kept", null));
                }
            }
        }

        // trunks
        Map<String, TrunkWrite> finalTrunks = new TreeMap<>();
        stored.trunks().values().forEach(t -> finalTrunks.put(t.trunkId(), writeOf(t)));
        Map<String, Long> lineOfTrunk = new HashMap<>();
        Map<String, TrunkWrite> trunkInserts = new LinkedHashMap<>();
        Map<String, TrunkWrite> trunkUpdates = new LinkedHashMap<>();
        List<StateWrite> stateWrites = new ArrayList<>();
        int trunksUpdated = 0;
        int trunksUnchanged = 0;
        if (snapshot.trunks() != null) {
            for (TrunkRow row : snapshot.trunks()) {
                if (lineOfTrunk.containsKey(row.trunkId())) {
                    refuse(InventoryFiles.TRUNKS, row.lineNo(), row.trunkId(), "DUPLICATE_ID", "trunk "
                            + row.trunkId() + " appears again (the first row, line "
                            + lineOfTrunk.get(row.trunkId()) + ", counts)", row.raw());
                    continue;
                }
                lineOfTrunk.put(row.trunkId(), row.lineNo());
                String refusal = trunkRefusal(row, accounts, addresses);
                if (refusal != null) {
                    continue;
                }
                TrunkTimeline before = stored.trunks().get(row.trunkId());
                // a stored trunk's address never changes (a row changing it was refused above; a file without
                // the service_address_id column does not give it): keep the stored one
                String serviceAddressId = before != null ? before.serviceAddressId() : row.serviceAddressId();
                TrunkWrite after = new TrunkWrite(row.trunkId(), row.accountId(), row.name(), row.type(),
                        row.dataCenter(), serviceAddressId, row.createdAt(), row.deletedAt(),
                        before != null && before.missingPpu());
                finalTrunks.put(row.trunkId(), after);
                if (before == null) {
                    trunkInserts.put(row.trunkId(), after);
                    // SPEC §9: the state first seen applies back to created_at
                    stateWrites.add(new StateWrite(row.trunkId(), row.stateFrom(row.createdAt()), false));
                    continue;
                }
                boolean attributesChanged = !after.equals(writeOf(before));
                if (attributesChanged) {
                    trunkUpdates.put(row.trunkId(), after);
                }
                boolean stateChanged = !before.stateAt(asOf).sameAttributesAs(row.stateFrom(asOf));
                if (stateChanged) {
                    stateWrites.add(new StateWrite(row.trunkId(), row.stateFrom(asOf), !backdated(before)));
                }
                if (attributesChanged || stateChanged) {
                    trunksUpdated++;
                } else {
                    trunksUnchanged++;
                }
            }
        }

        flagMissingPpu(finalTrunks, accounts, lineOfTrunk, trunkInserts, trunkUpdates);
        checkLimits(finalTrunks);

        return new SnapshotPlan(accountInserts, accountUpdates, accountsUnchanged, addressInserts, addressUpdates,
                addressesUnchanged, addressDeletes, List.copyOf(trunkInserts.values()),
                List.copyOf(trunkUpdates.values()), trunksUpdated, trunksUnchanged, stateWrites,
                List.copyOf(violations));
    }

    /** Records the refusal of a trunk row and returns its reason, or null when the row may apply. */
    private String trunkRefusal(TrunkRow row, Map<String, Account> accounts, Map<String, ServiceAddress> addresses) {
        String id = row.trunkId();
        TrunkTimeline before = stored.trunks().get(id);
        String reason = null;
        String message = null;
        if (!accounts.containsKey(row.accountId())) {
            reason = "UNKNOWN_ACCOUNT";
            message = "account " + row.accountId() + " is neither stored nor in accounts.csv";
        } else if (before != null && !before.accountId().equals(row.accountId())) {
            reason = "ACCOUNT_CHANGE";
            message = "belongs to account " + before.accountId() + ", the row moves it to " + row.accountId()
                    + "; the row is refused, the stored trunk stays";
        } else if (before != null && row.serviceAddressGiven()
                && !Objects.equals(before.serviceAddressId(), row.serviceAddressId())) {
            reason = "PPU_IMMUTABLE";
            message = "service_address_id " + text(before.serviceAddressId()) + " -> " + text(row.serviceAddressId())
                    + ": the service address (PPU) is fixed when the trunk is first seen; the row is refused,"
                    + " the stored trunk stays";
        } else if (before == null && row.serviceAddressId() != null
                && !addresses.containsKey(row.serviceAddressId())) {
            reason = "UNKNOWN_ADDRESS";
            message = "service address " + row.serviceAddressId() + " is neither stored nor in "
                    + InventoryFiles.SERVICE_ADDRESSES;
        } else if (before == null && row.serviceAddressId() != null
                && !addresses.get(row.serviceAddressId()).accountId().equals(row.accountId())) {
            reason = "ADDRESS_OF_OTHER_ACCOUNT";
            message = "service address " + row.serviceAddressId() + " belongs to account "
                    + addresses.get(row.serviceAddressId()).accountId() + ", not " + row.accountId();
        } else if (row.type() == TrunkType.CISCO_WEBEX && !WEBEX_DATA_CENTERS.contains(row.dataCenter())) {
            reason = "WEBEX_LOCATION";
            message = "CISCO_WEBEX trunks are only offered in NEW_YORK and PORTLAND, not " + row.dataCenter()
                    + "; the row is refused (never billed)";
        }
        if (reason != null) {
            refuse(InventoryFiles.TRUNKS, row.lineNo(), id, reason, "trunk " + id + ": " + message, row.raw());
        }
        return reason;
    }

    /** SPEC §3.1: a trunk of a US account must have a service address; without one it is flagged. */
    private void flagMissingPpu(Map<String, TrunkWrite> finalTrunks, Map<String, Account> accounts,
                                Map<String, Long> lineOfTrunk, Map<String, TrunkWrite> trunkInserts,
                                Map<String, TrunkWrite> trunkUpdates) {
        for (TrunkWrite trunk : List.copyOf(finalTrunks.values())) {
            Account account = accounts.get(trunk.accountId());
            boolean missing = trunk.serviceAddressId() == null && account != null && "US".equals(account.country());
            if (missing) {
                Long line = lineOfTrunk.get(trunk.trunkId());
                violations.add(SnapshotViolation.warning(InventoryFiles.TRUNKS, line, trunk.trunkId(), "MISSING_PPU",
                        "trunk " + trunk.trunkId() + " of US account " + trunk.accountId()
                                + " has no service address: imported, flagged MISSING_PPU (its invoices go ON_HOLD)"));
            }
            if (missing == trunk.missingPpu()) {
                continue;
            }
            TrunkWrite flagged = withMissingPpu(trunk, missing);
            finalTrunks.put(trunk.trunkId(), flagged);
            if (trunkInserts.containsKey(trunk.trunkId())) {
                trunkInserts.put(trunk.trunkId(), flagged);
            } else {
                trunkUpdates.put(trunk.trunkId(), flagged);
            }
        }
    }

    /** SPEC §3.1 limits per account, over its trunks not deleted at the as-of instant: warnings only. */
    private void checkLimits(Map<String, TrunkWrite> finalTrunks) {
        Map<String, List<TrunkWrite>> byAccount = finalTrunks.values().stream()
                .filter(t -> t.deletedAt() == null || t.deletedAt().isAfter(asOf))
                .collect(Collectors.groupingBy(TrunkWrite::accountId, TreeMap::new, Collectors.toList()));
        byAccount.forEach((accountId, trunks) -> {
            if (trunks.size() > MAX_TRUNKS_PER_ACCOUNT) {
                limit(accountId, "LIMIT_TRUNKS", "account " + accountId + " has " + trunks.size()
                        + " trunks, more than " + MAX_TRUNKS_PER_ACCOUNT);
            }
            Map<DataCenter, Long> perDataCenter = trunks.stream()
                    .collect(Collectors.groupingBy(TrunkWrite::dataCenter, TreeMap::new, Collectors.counting()));
            perDataCenter.forEach((dataCenter, count) -> {
                if (count > MAX_TRUNKS_PER_DATA_CENTER) {
                    limit(accountId, "LIMIT_TRUNKS_PER_DATA_CENTER", "account " + accountId + " has " + count
                            + " trunks in " + dataCenter + ", more than " + MAX_TRUNKS_PER_DATA_CENTER);
                }
            });
            if (perDataCenter.size() > MAX_DATA_CENTERS) {
                limit(accountId, "LIMIT_DATA_CENTERS", "account " + accountId + " has trunks in "
                        + perDataCenter.size() + " data centers " + perDataCenter.keySet() + ", more than "
                        + MAX_DATA_CENTERS);
            }
        });
    }

    private void limit(String accountId, String reason, String message) {
        violations.add(SnapshotViolation.warning(InventoryFiles.TRUNKS, null, accountId, reason,
                message + " (warning only, nothing refused)"));
    }

    /** Address id to the ids of the stored trunks (deleted ones too) that reference it. */
    private Map<String, Set<String>> referencingTrunks() {
        Map<String, Set<String>> references = new HashMap<>();
        stored.trunks().values().stream().filter(t -> t.serviceAddressId() != null).forEach(t ->
                references.computeIfAbsent(t.serviceAddressId(), id -> new TreeSet<>()).add(t.trunkId()));
        return references;
    }

    private void refuse(String fileName, long lineNo, String entityId, String reason, String message, String[] raw) {
        violations.add(SnapshotViolation.refused(fileName, lineNo, entityId, reason,
                fileName + " line " + lineNo + ": " + message, raw));
    }

    private static TrunkWrite writeOf(TrunkTimeline t) {
        return new TrunkWrite(t.trunkId(), t.accountId(), t.name(), t.type(), t.dataCenter(), t.serviceAddressId(),
                t.createdAt(), t.deletedAt(), t.missingPpu());
    }

    private static TrunkWrite withMissingPpu(TrunkWrite t, boolean missingPpu) {
        return new TrunkWrite(t.trunkId(), t.accountId(), t.name(), t.type(), t.dataCenter(), t.serviceAddressId(),
                t.createdAt(), t.deletedAt(), missingPpu);
    }

    private static String text(String value) {
        return value == null ? "(none)" : value;
    }
}
