package com.trunkbill.cli;

import com.trunkbill.cdr.ImportCdrsCommand;
import com.trunkbill.cdr.generator.GenerateCdrsCommand;
import com.trunkbill.inventory.ImportInventoryCommand;
import com.trunkbill.invoice.InvoiceCommand;
import com.trunkbill.nightly.DemoCommand;
import com.trunkbill.nightly.NightlyCommand;
import com.trunkbill.operations.HistoryCommand;
import com.trunkbill.rating.RateCommand;
import com.trunkbill.ratetable.ImportRatesCommand;
import com.trunkbill.report.ReportCommand;
import com.trunkbill.scaleout.WorkerCommand;

import java.util.List;
import java.util.Optional;

/** Every subcommand, in the order {@code --help} lists them. A feature adds its command here. */
public final class Commands {

    private Commands() {
    }

    public static List<Command> all() {
        return List.of(
                new ImportInventoryCommand(),
                new ImportRatesCommand(),
                new ImportCdrsCommand(),
                new RateCommand(),
                new InvoiceCommand(),
                new ReportCommand(),
                new NightlyCommand(),
                new DemoCommand(),
                new GenerateCdrsCommand(),
                new HistoryCommand(),
                new WorkerCommand()
        );
    }

    public static Optional<Command> find(String name) {
        return all().stream().filter(command -> command.name().equals(name)).findFirst();
    }
}
