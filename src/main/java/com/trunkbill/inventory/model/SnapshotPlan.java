package com.trunkbill.inventory.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What applying a snapshot changes, and every violation found. {@code *Accepted} count the snapshot rows taken
 * (inserted, updated or unchanged). {@code trunksUpdated} counts the snapshot rows that changed a stored trunk
 * (its attributes or its state); {@code trunkUpdates} may also hold trunks absent from the snapshot whose
 * {@code missing_ppu} flag changed because their account's country did.
 */
public record SnapshotPlan(List<Account> accountInserts, List<Account> accountUpdates, int accountsUnchanged,
                           List<ServiceAddress> addressInserts, List<ServiceAddress> addressUpdates,
                           int addressesUnchanged, List<String> addressDeletes,
                           List<TrunkWrite> trunkInserts, List<TrunkWrite> trunkUpdates, int trunksUpdated,
                           int trunksUnchanged, List<StateWrite> stateWrites,
                           List<SnapshotViolation> violations) {

    public int accountsAccepted() {
        return accountInserts.size() + accountUpdates.size() + accountsUnchanged;
    }

    public int trunksAccepted() {
        return trunkInserts.size() + trunksUpdated + trunksUnchanged;
    }

    public int addressesAccepted() {
        return addressInserts.size() + addressUpdates.size() + addressesUnchanged;
    }

    public long refusedCount() {
        return violations.stream().filter(SnapshotViolation::isRefused).count();
    }

    public long warningCount() {
        return violations.size() - refusedCount();
    }

    /** Reason code to count, for the refused (or the warning) violations, in reason order. */
    public Map<String, Long> countByReason(Severity severity) {
        Map<String, Long> counts = new TreeMap<>();
        violations.stream().filter(v -> v.severity() == severity)
                .forEach(v -> counts.merge(v.reason(), 1L, Long::sum));
        return counts;
    }
}
