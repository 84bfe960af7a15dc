package com.trunkbill.cli;

import java.util.List;

/** A subcommand of {@code trunkbill}: its name, one line of help and its own options (common ones are added). */
public sealed interface Command permits JobCommand, ToolCommand {

    String name();

    String description();

    List<OptionSpec> options();
}
