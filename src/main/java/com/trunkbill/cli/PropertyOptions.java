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

    /** {@code --follow-symlinks}: import CDR files that are symbolic links (import-cdrs, nightly, demo). */
    public static OptionSpec followSymlinks() {
        return OptionSpec.flag("follow-symlinks", "also import CDR files that are symbolic links (default: skip them)")
                .mapsTo(FOLLOW_SYMLINKS_PROPERTY);
    }

    /** {@code --template-dir DIR}: templates that override the shipped ones (invoice, report, nightly, demo). */
    public static OptionSpec templateDir() {
        return OptionSpec.optional("template-dir", "DIR",
                "folder of templates that replace the shipped ones of the same name (must exist)")
                .mapsTo(TEMPLATE_DIR_PROPERTY);
    }
}
