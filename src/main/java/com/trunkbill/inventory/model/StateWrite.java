package com.trunkbill.inventory.model;

/**
 * A state to store for a trunk. {@code replacesLaterStates}: the stored states effective at or after
 * {@code state.effectiveFrom()} are removed first (a re-import at the same as-of instant corrects that
 * instant's state; a trunk seen before its {@code created_at} has its first state there, which a change at an
 * earlier as-of supersedes).
 */
public record StateWrite(String trunkId, TrunkState state, boolean replacesLaterStates) {
}
