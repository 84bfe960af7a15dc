package com.trunkbill.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * File names made from data (account ids in invoice files, input file names in rejects files). Two defences:
 * <ul>
 *   <li>{@link #isSafeId}: the alphabet an id must have to be imported at all (letters, digits, {@code -},
 *       {@code _}, {@code .}, starting with a letter or digit, at most {@value #MAX_ID_LENGTH} characters);</li>
 *   <li>{@link #encode} and {@link #resolveInside}: whatever is stored, a file name built from it is one path
 *       component of that alphabet, and the final path lies under the output folder.</li>
 * </ul>
 * So {@code ../../escaped}, an absolute id, a {@code /} or NUL inside, and a leading {@code =}, {@code +},
 * {@code -} or {@code @} (a formula in a spreadsheet's file list) never reach the file system as such.
 */
public final class SafeFileNames {

    public static final int MAX_ID_LENGTH = 64;
    /** An encoded name longer than this is cut and made unique with a hash (file systems allow 255 bytes). */
    static final int MAX_NAME_LENGTH = 120;

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_ID_LENGTH - 1) + "}");

    private SafeFileNames() {
    }

    /** Whether an id may be imported: it is then used verbatim in file names. */
    public static boolean isSafeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    /** The rule of {@link #isSafeId} in words, for refusal messages and documentation. */
    public static String safeIdRule() {
        return "letters, digits, '-', '_' and '.', starting with a letter or digit, at most " + MAX_ID_LENGTH
                + " characters";
    }

    /**
     * A single, harmless path component for {@code text}: letters, digits, {@code -}, {@code _} and {@code .}
     * are kept, except a leading {@code .} or {@code -}; every other byte of its UTF-8 becomes {@code %XX}. A safe
     * id is unchanged. A result over {@value #MAX_NAME_LENGTH} characters is cut and ends with a hash of the
     * whole text, so that two long ids still get two files.
     */
    public static String encode(String text) {
        if (text == null || text.isEmpty()) {
            return "%00empty";
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder name = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean kept = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
                    || (b == '.' || b == '-') && i > 0;
            if (kept) {
                name.append((char) b);
            } else {
                name.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        if (name.length() > MAX_NAME_LENGTH) {
            String hash = sha256(bytes).substring(0, 16);
            name.setLength(MAX_NAME_LENGTH - hash.length() - 1);
            name.append('~').append(hash);
        }
        return name.toString();
    }

    /** {@link #encode}d for a relative link in HTML: the {@code %} of the file name is itself escaped. */
    public static String linkTo(String stem) {
        return encode(stem).replace("%", "%25");
    }

    /**
     * {@code dir/<encode(stem)><suffix>}, checked to lie directly under {@code dir} after normalisation.
     * {@code suffix} is a fixed extension written by the code ({@code ".html"}), never data.
     */
    public static Path file(Path dir, String stem, String suffix) {
        return resolveInside(dir, encode(stem) + suffix);
    }

    /**
     * {@code dir.resolve(name)}, refused unless the normalised result is a direct child of the normalised folder
     * (the last line of defence: a name with a separator or {@code ..} never escapes the output folder).
     */
    public static Path resolveInside(Path dir, String name) {
        Path base = dir.toAbsolutePath().normalize();
        Path resolved = base.resolve(name).normalize();
        if (name.isEmpty() || name.indexOf('\0') >= 0 || !base.equals(resolved.getParent())) {
            throw new IllegalArgumentException("refusing to write a file named '" + name.replace('\0', '?')
                    + "' outside " + base);
        }
        return dir.resolve(name);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
