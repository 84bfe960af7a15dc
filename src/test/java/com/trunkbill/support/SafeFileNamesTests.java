package com.trunkbill.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** File names made from data (issue 12, finding 4): never a path outside the folder, never a dangerous name. */
class SafeFileNamesTests {

    private static final Path OUT = Path.of("out", "invoices", "2026-10");

    @Test
    void safeIdsAreLettersDigitsDashUnderscoreAndDotStartingWithALetterOrDigit() {
        assertThat(SafeFileNames.isSafeId("ACC-US-ACME")).isTrue();
        assertThat(SafeFileNames.isSafeId("acc_1.2")).isTrue();
        assertThat(SafeFileNames.isSafeId("x".repeat(64))).isTrue();
        assertThat(SafeFileNames.isSafeId("x".repeat(65))).isFalse();
        for (String unsafe : new String[] {"../../../escaped", "/etc/passwd", "a/b", "a\\b", "a\0b", "=cmd|' /C calc'!A0",
                "+ACC-PLUS", "-ACC", "@ACC", ".hidden", "..", "Café", "a b", "", "a\nb"}) {
            assertThat(SafeFileNames.isSafeId(unsafe)).as(unsafe).isFalse();
        }
    }

    @Test
    void aSafeIdIsItsOwnFileNameAndEveryOtherByteIsPercentEncoded() {
        assertThat(SafeFileNames.encode("ACC-US-ACME-202610")).isEqualTo("ACC-US-ACME-202610");
        assertThat(SafeFileNames.encode("../../../escaped-202610")).isEqualTo("%2E.%2F..%2F..%2Fescaped-202610");
        assertThat(SafeFileNames.encode("/tmp/x")).isEqualTo("%2Ftmp%2Fx");
        assertThat(SafeFileNames.encode("a\0b")).isEqualTo("a%00b");
        assertThat(SafeFileNames.encode("=cmd|' /C calc'!A0-202610"))
                .isEqualTo("%3Dcmd%7C%27%20%2FC%20calc%27%21A0-202610");
        assertThat(SafeFileNames.encode("+ACC-PLUS")).isEqualTo("%2BACC-PLUS");
        assertThat(SafeFileNames.encode("-ACC")).isEqualTo("%2DACC");
        assertThat(SafeFileNames.encode("@ACC")).isEqualTo("%40ACC");
        assertThat(SafeFileNames.encode(".")).isEqualTo("%2E");
        assertThat(SafeFileNames.encode("..")).isEqualTo("%2E.");
        assertThat(SafeFileNames.encode("Café")).isEqualTo("Caf%C3%A9");
        assertThat(SafeFileNames.encode("=HYPERLINK(evil)-cdrs.csv")).isEqualTo("%3DHYPERLINK%28evil%29-cdrs.csv");
    }

    @Test
    void aVeryLongNameIsCutAndKeptUniqueByAHash() {
        String a = SafeFileNames.encode("/".repeat(1000) + "a");
        String b = SafeFileNames.encode("/".repeat(1000) + "b");
        assertThat(a).hasSize(SafeFileNames.MAX_NAME_LENGTH).startsWith("%2F%2F").contains("~");
        assertThat(b).hasSize(SafeFileNames.MAX_NAME_LENGTH).isNotEqualTo(a);
        assertThat(SafeFileNames.encode("x".repeat(500))).hasSize(SafeFileNames.MAX_NAME_LENGTH);
    }

    @Test
    void everyFileBuiltFromDataLiesDirectlyInItsFolder() {
        for (String id : new String[] {"../../../escaped", "/etc/passwd", "a/b", "a\0b", "..", ".", "",
                "=cmd|' /C calc'!A0", "+ACC", "-ACC", "@ACC", "\\..\\..\\x", "x".repeat(10_000)}) {
            Path file = SafeFileNames.file(OUT, id, ".html");
            assertThat(file.getParent()).as(id).isEqualTo(OUT);
            assertThat(file.toAbsolutePath().normalize().startsWith(OUT.toAbsolutePath().normalize())).as(id).isTrue();
            assertThat(file.getFileName().toString()).as(id).matches("[A-Za-z0-9_%][A-Za-z0-9._%~-]*\\.html");
        }
    }

    @Test
    void resolveInsideRefusesANameThatLeavesTheFolder() {
        assertThatThrownBy(() -> SafeFileNames.resolveInside(OUT, "../x.html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> SafeFileNames.resolveInside(OUT, "/tmp/x.html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeFileNames.resolveInside(OUT, "a/b.html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeFileNames.resolveInside(OUT, ".."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SafeFileNames.resolveInside(OUT, "ok.html")).isEqualTo(OUT.resolve("ok.html"));
    }

    @Test
    void rejectsFilesOfInputNamesStartingWithAFormulaCharacterGetASafeName() {
        Path rejects = Path.of("out", "rejects");
        assertThat(RejectsFile.pathFor(rejects, "=HYPERLINK(evil)-cdrs.csv").getFileName().toString())
                .isEqualTo("%3DHYPERLINK%28evil%29-cdrs.csv.rejects.csv");
        assertThat(RejectsFile.pathFor(rejects, "+x.csv").getFileName().toString()).isEqualTo("%2Bx.csv.rejects.csv");
        assertThat(RejectsFile.pathFor(rejects, "-x.csv").getFileName().toString()).isEqualTo("%2Dx.csv.rejects.csv");
        assertThat(RejectsFile.pathFor(rejects, "@x.csv").getFileName().toString()).isEqualTo("%40x.csv.rejects.csv");
        assertThat(RejectsFile.pathFor(rejects, "cdrs.csv")).isEqualTo(rejects.resolve("cdrs.csv.rejects.csv"));
    }
}
