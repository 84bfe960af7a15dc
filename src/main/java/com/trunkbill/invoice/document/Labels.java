package com.trunkbill.invoice.document;

/** The document labels of one locale (the message bundle {@code messages.properties}, keys {@code invoice.*}). */
public interface Labels {

    /** The label of {@code key} with its arguments; fails when the bundle lacks the key. */
    String get(String key, Object... args);

    /** The label of {@code key}, or {@code fallback} when the bundle has none (a value the code does not know). */
    String getOrDefault(String key, String fallback);
}
