package com.trunkbill.cdr.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SPEC §9 "same content": the trimmed text of the §3.3 columns, by header name, other columns ignored.
 * The hash is SHA-256 over the fifteen values in {@link CdrColumn} order, each followed by a unit separator
 * (U+001F), an empty cell hashing as the empty string; 64 hex digits. Not thread-safe: one per reader.
 */
public final class ContentHash {

    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest digest;
    private final StringBuilder text = new StringBuilder(256);

    public ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public String of(String[] canonicalValues) {
        text.setLength(0);
        for (String value : canonicalValues) {
            if (value != null) {
                text.append(value);
            }
            text.append('\u001F');
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return HEX.formatHex(digest.digest(bytes));
    }
}
