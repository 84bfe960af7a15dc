package com.trunkbill.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvOutputTests {

    @TempDir
    Path dir;

    @Test
    void neutralisesFormulaTextButNotNumbers() throws IOException {
        Path file = dir.resolve("out/x.csv");
        try (CsvOutput output = CsvOutput.create(file, List.of("text", "amount"))) {
            output.row("=HYPERLINK(\"x\")", new BigDecimal("-12.50"));
            output.row("+14155550123", BigDecimal.ZERO);
            output.row("@SUM(A1)", null);
            output.row("-cmd", 3L);
            output.row("plain, with comma", new BigDecimal("1.00"));
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "text,amount",
                "\"'=HYPERLINK(\"\"x\"\")\",-12.50",
                "'+14155550123,0",
                "'@SUM(A1),",
                "'-cmd,3",
                "\"plain, with comma\",1.00");
        assertThat(file.resolveSibling("x.csv.tmp")).doesNotExist();
    }
}
