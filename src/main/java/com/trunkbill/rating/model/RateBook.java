package com.trunkbill.rating.model;

import com.trunkbill.ratetable.model.Direction;
import com.trunkbill.ratetable.model.RateRow;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rate rows of one rate-table version, held in memory as one digit trie per price list and direction,
 * so rating a CDR costs one walk down at most 15 nodes and no database query.
 * <p>
 * SPEC §9: the rate row is the longest prefix among the rows of the price list and direction that are
 * effective on the UTC date of {@code start_time}. A node keeps every row of its prefix with its
 * effective dates, so a longer prefix with no row effective that day falls back to a shorter one.
 */
public final class RateBook {

    private final Map<String, Map<Direction, Node>> tries = new HashMap<>();
    private final int size;

    private RateBook(Collection<RateRow> rows) {
        for (RateRow row : rows) {
            Node node = tries.computeIfAbsent(row.priceList(), list -> new EnumMap<>(Direction.class))
                    .computeIfAbsent(row.direction(), direction -> new Node());
            String prefix = row.prefix();
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("rate " + row.rateId() + " (version " + row.versionId()
                        + "): empty prefix");
            }
            for (int i = 0; i < prefix.length(); i++) {
                int digit = prefix.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    throw new IllegalArgumentException("rate " + row.rateId() + " (version " + row.versionId()
                            + "): prefix '" + prefix + "' is not all digits");
                }
                node = node.child(digit);
            }
            node.add(row);
        }
        this.size = rows.size();
    }

    public static RateBook of(Collection<RateRow> rows) {
        return new RateBook(rows);
    }

    /** The number of rate rows held. */
    public int size() {
        return size;
    }

    /**
     * The row with the longest prefix of {@code digits} in {@code priceList} and {@code direction} that is
     * effective on {@code date}; empty when none is (NO_RATE). Matching stops at the first non-digit.
     */
    public Optional<RateRow> longestPrefixMatch(String priceList, Direction direction, String digits,
                                                LocalDate date) {
        Map<Direction, Node> byDirection = tries.get(priceList);
        Node node = byDirection == null ? null : byDirection.get(direction);
        RateRow best = null;
        for (int i = 0; node != null && i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            node = node.children == null ? null : node.children[digit];
            if (node != null) {
                RateRow effective = node.effectiveOn(date);
                if (effective != null) {
                    best = effective;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static final class Node {
        private Node[] children;
        private RateRow[] rows;

        Node child(int digit) {
            if (children == null) {
                children = new Node[10];
            }
            if (children[digit] == null) {
                children[digit] = new Node();
            }
            return children[digit];
        }

        void add(RateRow row) {
            rows = rows == null ? new RateRow[] {row} : append(rows, row);
        }

        RateRow effectiveOn(LocalDate date) {
            if (rows == null) {
                return null;
            }
            for (RateRow row : rows) {
                if (row.effective().covers(date)) {
                    return row;
                }
            }
            return null;
        }

        private static RateRow[] append(RateRow[] rows, RateRow row) {
            RateRow[] longer = Arrays.copyOf(rows, rows.length + 1);
            longer[rows.length] = row;
            return longer;
        }
    }
}
