package com.trunkbill;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under docs/ hold together: every relative link points at an existing file, every
 * {@code #anchor} at an existing heading (GitHub's slug rules), every docs page is reachable from the README, and
 * no page points the reader at a document outside the repository.
 */
class DocumentationTests {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at the first space or closing bracket. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkResolvesToAFileAndEveryAnchorToAHeading() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : links(page)) {
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: ...: not ours to check offline
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path linked = file.isEmpty() ? page : page.getParent() == null
                        ? Path.of(file) : page.getParent().resolve(file);
                linked = linked.normalize();
                if (!Files.exists(linked)) {
                    broken.add(page + ": " + target + " (no file " + linked + ")");
                } else if (anchor != null && !anchor.isEmpty()) {
                    if (!linked.toString().endsWith(".md") || !anchors(linked).contains(anchor)) {
                        broken.add(page + ": " + target + " (no heading #" + anchor + " in " + linked + ")");
                    }
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        List<String> readmeTargets = links(README).stream()
                .map(target -> target.replaceFirst("#.*", ""))
                .toList();
        try (Stream<Path> files = Files.list(DOCS)) {
            List<String> unlinked = files.filter(file -> file.toString().endsWith(".md"))
                    .map(file -> "docs/" + file.getFileName())
                    .filter(page -> !readmeTargets.contains(page))
                    .sorted()
                    .toList();
            assertThat(unlinked).as("docs pages the README does not link").isEmpty();
        }
    }

    @Test
    void noPagePointsAtTheProductSpecification() {
        List<String> offending = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = readLines(page);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("SPEC §") || line.contains("SPEC.md") || line.contains("SIP-TRUNKING.md")
                        || line.matches(".*§\\s?\\d.*")) {
                    offending.add(page + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(offending).as("lines pointing at a document the reader does not have").isEmpty();
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertThat(slug("Two commands on a fresh machine")).isEqualTo("two-commands-on-a-fresh-machine");
        assertThat(slug("`import-cdrs --dir D` (job `cdrImportJob`)")).isEqualTo("import-cdrs---dir-d-job-cdrimportjob");
        assertThat(slug("Rates, plans & taxes: the rules")).isEqualTo("rates-plans--taxes-the-rules");
        assertThat(slug("channel_days and São Paulo")).isEqualTo("channel_days-and-são-paulo");
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(README);
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** Link targets outside fenced code blocks and inline code spans. */
    private static List<String> links(Path page) {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : readLines(page)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub generates for the headings of a page, duplicates numbered {@code -1}, {@code -2}... */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : readLines(page)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String slug = slug(heading.group(2));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    /**
     * GitHub's heading slug: the rendered text (links reduced to their text), lower case, every character that is
     * not a letter, digit, mark, underscore, hyphen or space dropped, spaces turned into hyphens.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1");
        text = text.toLowerCase(Locale.ROOT);
        text = text.replaceAll("[^\\p{L}\\p{Nd}\\p{M}_\\- ]", "");
        return text.replace(' ', '-');
    }

    private static List<String> readLines(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
