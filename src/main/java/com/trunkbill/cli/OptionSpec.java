package com.trunkbill.cli;

/**
 * One {@code --name [VALUE]} option of a subcommand, as declared by its command; the launcher turns these
 * declarations into picocli's model, which parses the command line, prints the help and completes names.
 *
 * @param name        option name without the leading dashes
 * @param valueName   placeholder of its value in help text; {@code null} for a flag
 * @param description one line of help
 * @param required    whether the command refuses to run without it (exit 2)
 * @param property    the Spring property the option sets (a flag sets it to {@code true}), or {@code null} when
 *                    the command itself reads the option
 */
public record OptionSpec(String name, String valueName, String description, boolean required, String property) {

    public static OptionSpec required(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, true, null);
    }

    public static OptionSpec optional(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, false, null);
    }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, false, null);
    }

    /** This option, setting the Spring property {@code property} instead of being read by the command. */
    public OptionSpec mapsTo(String springProperty) {
        return new OptionSpec(name, valueName, description, required, springProperty);
    }

    public boolean isFlag() {
        return valueName == null;
    }

    String usage() {
        String text = "--" + name + (isFlag() ? "" : " " + valueName);
        return required ? text : "[" + text + "]";
    }
}
