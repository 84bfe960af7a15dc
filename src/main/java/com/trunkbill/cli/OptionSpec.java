package com.trunkbill.cli;

/**
 * One {@code --name [VALUE]} option of a subcommand, as shown by {@code --help}.
 *
 * @param name        option name without the leading dashes
 * @param valueName   placeholder of its value in help text; {@code null} for a flag
 * @param description one line of help
 * @param required    whether the command refuses to run without it (exit 2)
 */
public record OptionSpec(String name, String valueName, String description, boolean required) {

    public static OptionSpec required(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, true);
    }

    public static OptionSpec optional(String name, String valueName, String description) {
        return new OptionSpec(name, valueName, description, false);
    }

    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, false);
    }

    public boolean isFlag() {
        return valueName == null;
    }

    String usage() {
        String text = "--" + name + (isFlag() ? "" : " " + valueName);
        return required ? text : "[" + text + "]";
    }
}
