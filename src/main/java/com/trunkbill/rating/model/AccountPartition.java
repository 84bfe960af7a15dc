package com.trunkbill.rating.model;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of {@code count} partitions of a rating run: the CDRs of the accounts whose id hashes to {@code index}.
 * <p>
 * Rating a CDR needs its account, its trunk and the rate book only (SPEC §4; the Freshworks trunk is attributed
 * at import, channel limits and fair use are computed per trunk at invoicing), so a partition never needs
 * another partition's CDRs, and keeping every account whole in one partition keeps any per-account rule so too.
 * The hash (CRC-32 of the UTF-8 id) is stable across processes and releases: a restarted partition finds the
 * same accounts.
 */
public record AccountPartition(int index, int count) {

    /** The one partition of an unpartitioned run. */
    public static final AccountPartition WHOLE = new AccountPartition(0, 1);

    public AccountPartition {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("partition " + index + " of " + count + " does not exist");
        }
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** Whether the account's CDRs belong to this partition. */
    public boolean contains(String accountId) {
        return indexOf(accountId, count) == index;
    }

    /** The partition, of {@code count}, that holds the account's CDRs. */
    public static int indexOf(String accountId, int count) {
        CRC32 crc = new CRC32();
        crc.update(accountId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }

    @Override
    public String toString() {
        return "partition " + index + " of " + count;
    }
}
