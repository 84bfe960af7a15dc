package com.trunkbill.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/commands.md and {@code --help} agree: every command and option that the help lists is documented, in the
 * command's own section, and the page documents nothing that the help does not list.
 */
class CommandsDocumentationTests {

    private static final Path DOC = Path.of("docs/commands.md");
    private static final Pattern OPTION_ROW = Pattern.compile("^\\| `(--[a-z-]+)");
    private static final Pattern ANY_OPTION = Pattern.compile("(?<![\\w-])(--[a-z][a-z-]*)");

    private final CommandLine commandLine = TrunkbillMain.commandLine();

    @Test
    void everyCommandOfTheHelpHasItsSectionAndNoOtherSectionExists() throws IOException {
        String help = help("--help");
        Set<String> commands = new TreeSet<>(commandLine.getSubcommands().keySet());
        commands.forEach(command -> assertThat(help).contains("  " + command + " "));

        assertThat(sections().keySet()).containsExactlyInAnyOrderElementsOf(commands);
    }

    @Test
    void eachSectionDocumentsExactlyTheCommandsOwnOptions() throws IOException {
        Set<String> common = optionNames(TrunkbillMain.COMMON_OPTIONS.stream().map(o -> "--" + o.name()).toList());
        Map<String, List<String>> sections = sections();
        for (Map.Entry<String, CommandLine> command : commandLine.getSubcommands().entrySet()) {
            String help = help(command.getKey(), "--help");
            Set<String> listed = new TreeSet<>();
            command.getValue().getCommandSpec().options().forEach(option -> {
                assertThat(help).contains(option.longestName());
                listed.add(option.longestName());
            });
            Set<String> own = new TreeSet<>(listed);
            if (!command.getKey().equals(TrunkbillMain.COMPLETION)) {
                own.removeAll(common);
                assertThat(listed).containsAll(common);
            }
            assertThat(optionRows(sections.get(command.getKey()))).as(command.getKey())
                    .containsExactlyInAnyOrderElementsOf(own);
        }
        assertThat(optionRows(chapter("## Common options"))).containsExactlyInAnyOrderElementsOf(common);
    }

    @Test
    void theGlobalOptionsAreDocumented() throws IOException {
        String help = help("--help");
        Set<String> global = new TreeSet<>();
        commandLine.getCommandSpec().options().forEach(option -> global.add(option.longestName()));
        global.forEach(option -> assertThat(help).contains(option));

        assertThat(optionRows(chapter("## Global options"))).containsExactlyInAnyOrderElementsOf(global);
    }

    @Test
    void everyOptionMentionedAnywhereExists() throws IOException {
        Set<String> known = new TreeSet<>();
        commandLine.getCommandSpec().options().forEach(option -> known.add(option.longestName()));
        commandLine.getSubcommands().values().forEach(sub ->
                sub.getCommandSpec().options().forEach(option -> known.add(option.longestName())));
        Set<String> mentioned = new TreeSet<>();
        Matcher matcher = ANY_OPTION.matcher(Files.readString(DOC));
        while (matcher.find()) {
            // --perod: the page's example of a mistyped option
            if (!matcher.group(1).startsWith("--spring") && !matcher.group(1).equals("--perod")) {
                mentioned.add(matcher.group(1));
            }
        }
        assertThat(known).containsAll(mentioned);
    }

    private String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new TrunkbillMain(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
                .run(args);
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Set<String> optionNames(List<String> names) {
        return new TreeSet<>(names);
    }

    private static Set<String> optionRows(List<String> lines) {
        assertThat(lines).isNotNull();
        return lines.stream().map(OPTION_ROW::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The lines of each {@code ### `command`} section under "## The commands". */
    private static Map<String, List<String>> sections() throws IOException {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : chapter("## The commands")) {
            if (line.startsWith("### `")) {
                current = new ArrayList<>();
                sections.put(line.substring(5, line.indexOf('`', 5)), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    private static List<String> chapter(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }
}
