package com.trunkbill.cli;

/**
 * Options that set a Spring property read by a feature (the feature documents what it does with it); the
 * commands that accept them list them among their own options.
 */
public final class PropertyOptions {

    public static final String FOLLOW_SYMLINKS_PROPERTY = "trunkbill.cdr.follow-symlinks";
    public static final String TEMPLATE_DIR_PROPERTY = "trunkbill.template-dir";

    private PropertyOptions() {
    }

    /** {@code --follow-symlinks}: also import CDR files whose symbolic link leads out of the folder. */
    public static OptionSpec followSymlinks() {
        return OptionSpec.flag("follow-symlinks", "also import symbolic links that lead out of the folder (default: skip them with a warning)")
                .mapsTo(FOLLOW_SYMLINKS_PROPERTY);
    }

    /** {@code --template-dir DIR}: templates that override the shipped ones (invoice, report, nightly, demo). */
    public static OptionSpec templateDir() {
        return OptionSpec.optional("template-dir", "DIR",
                "folder of templates that replace the shipped ones of the same name (must exist)")
                .mapsTo(TEMPLATE_DIR_PROPERTY);
    }
}
