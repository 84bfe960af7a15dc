package com.trunkbill.invoice.model;

import java.util.List;
import java.util.Set;

/** What an item generator produced: lines, and the reasons (if any) that put the invoice ON_HOLD. */
public record Items(List<InvoiceLine> lines, Set<String> holdReasons) {

    public Items {
        lines = List.copyOf(lines);
        holdReasons = Set.copyOf(holdReasons);
    }
}
