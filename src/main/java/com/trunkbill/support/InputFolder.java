package com.trunkbill.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Which entries of an input folder (CDR inbox, inventory or rate-table folder) may be read. Only regular files
 * whose real path lies under the folder's real path are read: a symbolic link that leads out of the folder is
 * skipped unless {@code trunkbill.cdr.follow-symlinks=true} (CLI {@code --follow-symlinks}), and a FIFO, socket,
 * device or folder is always skipped (opening a FIFO would block the run, and a link out of the inbox would
 * copy a foreign file's content into the rejects files).
 */
public final class InputFolder {

    /** The property that lets symbolic links lead out of the input folder. */
    public static final String FOLLOW_SYMLINKS = "trunkbill.cdr.follow-symlinks";

    private final Path dir;
    private final Path realDir;
    private final boolean followSymlinks;

    private InputFolder(Path dir, Path realDir, boolean followSymlinks) {
        this.dir = dir;
        this.realDir = realDir;
        this.followSymlinks = followSymlinks;
    }

    public static InputFolder of(Path dir, boolean followSymlinks) {
        Path realDir;
        try {
            realDir = dir.toRealPath();
        } catch (IOException e) {
            realDir = dir.toAbsolutePath().normalize();
        }
        return new InputFolder(dir, realDir, followSymlinks);
    }

    public Path dir() {
        return dir;
    }

    /** Whether an entry named so exists at all (a dangling link counts: it is reported, not silently absent). */
    public boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Why {@code file} (an entry of this folder) must not be read, or empty when it may be. The reason is a
     * sentence for the operator, without the file name.
     */
    public Optional<String> whyNotRead(Path file) {
        boolean link = Files.isSymbolicLink(file);
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            return Optional.of(link ? "a symbolic link to a missing file" : "cannot be resolved: " + e.getMessage());
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (attributes.isDirectory()) {
            return Optional.of("a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file (a FIFO, socket or device)");
        }
        if (!real.startsWith(realDir) && !followSymlinks) {
            return Optional.of("a symbolic link to a file outside " + dir
                    + " (not followed; set " + FOLLOW_SYMLINKS + "=true, --follow-symlinks, to read it)");
        }
        return Optional.empty();
    }

    /** The warning for a skipped entry: "skipped x.csv: reason". */
    public static String skipped(Path file, String reason) {
        return "warning: skipped " + file.getFileName() + ": " + reason;
    }
}
