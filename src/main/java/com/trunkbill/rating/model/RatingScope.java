package com.trunkbill.rating.model;

import java.util.StringJoiner;

/**
 * What one {@code rate} run rates (SPEC §2, §4.6, §9).
 * <ul>
 *   <li>No period: every CDR of every period with no current rating or whose current rating is NO_RATE.</li>
 *   <li>A period, optionally narrowed to an account and/or a trunk: every CDR of that scope, rated or not,
 *       rated again with the rate tables and inventory as they are now.</li>
 * </ul>
 */
public record RatingScope(String period, String accountId, String trunkId) {

    public static final RatingScope UNRATED = new RatingScope(null, null, null);

    public RatingScope {
        if (period == null && (accountId != null || trunkId != null)) {
            throw new IllegalArgumentException("an account or trunk scope needs a period");
        }
    }

    public boolean isReRating() {
        return period != null;
    }

    @Override
    public String toString() {
        if (!isReRating()) {
            return "every unrated CDR";
        }
        StringJoiner text = new StringJoiner(" ");
        text.add("period " + period);
        if (accountId != null) {
            text.add("account " + accountId);
        }
        if (trunkId != null) {
            text.add("trunk " + trunkId);
        }
        return text.toString();
    }
}
