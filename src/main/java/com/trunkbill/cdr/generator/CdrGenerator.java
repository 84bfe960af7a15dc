package com.trunkbill.cdr.generator;

import com.trunkbill.cdr.model.CdrColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes realistic, reproducible canonical CDR files (SPEC §3.3) for an inventory: the same inventory, seed,
 * month and count give byte-identical files. Streaming: one row in memory at a time (plus the previous one,
 * for duplicates), whatever the count.
 * <p>Traffic: start times spread over the month in order; only trunks existing at the call's start, chosen
 * in proportion to their channels; about 60% outbound (3% on OPENAI_REALTIME trunks); callees by the
 * account's country (US accounts: US area codes incl. New York, toll-free and a few 1900 premium numbers,
 * Canada, Puerto Rico and international; others mostly domestic and neighbours); inbound calls to the
 * account's DIDs; about 20% unanswered (486/480/487), 1% CHANNEL_LIMIT refusals (503); answered durations
 * log-normal around 1.5 min capped at an hour, a handful of 4-8 h calls and one over 24 h; most Freshworks
 * outbound calls without trunk_id (source FRESHWORKS, account and data center set); instants in UTC with
 * milliseconds, those of SAO_POLO/BOGOTA trunks with their local offset.
 * <p>{@code badRows}: one row in {@value #BAD_ROW_EVERY} is bad, cycling through {@link BadRow}.
 */
public final class CdrGenerator {

    static final int BAD_ROW_EVERY = 250;

    /** The kinds of bad rows added with {@code --bad-rows}, in the order they cycle. */
    public enum BadRow {
        BAD_INSTANT, END_BEFORE_START, BAD_ENUM, MALFORMED_ROW, FIELD_TOO_LONG, ANSWER_OUTSIDE_CALL, BAD_NUMBER,
        MISSING_FIELD, UNKNOWN_TRUNK, ACCOUNT_MISMATCH, NO_TRUNK, DUPLICATE, DUPLICATE_CONFLICT
    }

    private static final String[] US_AREAS = {"212", "646", "917", "213", "310", "312", "415", "512", "713", "305",
            "206", "617", "404", "303", "702", "480"};
    private static final String[] TOLL_FREE = {"800", "888", "877", "866", "855", "844", "833"};
    private static final String[] CA_AREAS = {"416", "647", "604", "514", "403", "613", "905", "778", "204"};
    private static final String[] PR_AREAS = {"787", "939"};
    /** prefix (digits after +) and total digit count; every prefix has a row in rate-tables/rates.csv. */
    private static final Object[][] WORLD = {
            {"4420", 12}, {"447", 12}, {"4930", 12}, {"4915", 13}, {"4917", 13}, {"331", 11}, {"336", 11},
            {"3851", 11}, {"38591", 12}, {"38598", 12}, {"3491", 11}, {"346", 11}, {"3906", 12}, {"393", 12},
            {"3120", 11}, {"316", 11}, {"431", 11}, {"4144", 11}, {"4822", 11}, {"5511", 12}, {"55119", 13},
            {"57601", 12}, {"573", 12}, {"5255", 12}, {"919", 12}, {"658", 10}, {"6562", 10}, {"601", 11},
            {"614", 11}, {"8190", 12}, {"971", 12}, {"27", 11}, {"905", 12}, {"79", 11}};
    private static final Object[][] EUROPE = {{"4420", 12}, {"447", 12}, {"331", 11}, {"336", 11}, {"431", 11},
            {"4144", 11}, {"3851", 11}, {"38591", 12}, {"3120", 11}, {"316", 11}, {"3906", 12}, {"393", 12},
            {"3491", 11}, {"346", 11}, {"4822", 11}};
    private static final String[] CODECS = {"PCMU", "PCMU", "PCMU", "PCMA", "PCMA", "PCMA", "G729", "G729",
            "OPUS", "T38"};

    private final GeneratorInventory inventory;
    private final SplittableRandom random;
    private final YearMonth month;
    private final boolean badRows;
    private final long[] cumulativeChannels;
    private String[] previous;
    private int badRowCount;

    public CdrGenerator(GeneratorInventory inventory, long seed, YearMonth month, boolean badRows) {
        this.inventory = inventory;
        this.random = new SplittableRandom(seed);
        this.month = month;
        this.badRows = badRows;
        cumulativeChannels = new long[inventory.trunks().size()];
        long sum = 0;
        for (int i = 0; i < cumulativeChannels.length; i++) {
            sum += inventory.trunks().get(i).channels();
            cumulativeChannels[i] = sum;
        }
    }

    /** Writes {@code count} rows to {@code cdrs-<month>-NN.csv} files of at most {@code rowsPerFile} rows. */
    public List<Path> write(long count, Path outDir, long rowsPerFile) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(outDir);
            long monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            long monthMillis = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    - monthStart;
            long longestCall = count >= 100 ? count / 3 : -1;
            CSVPrinter printer = null;
            for (long i = 0; i < count; i++) {
                if (i % rowsPerFile == 0) {
                    if (printer != null) {
                        printer.close(true);
                    }
                    Path file = outDir.resolve(String.format("cdrs-%s-%02d.csv", month, files.size() + 1));
                    files.add(file);
                    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
                    printer.printRecord(CdrColumn.headers());
                }
                Instant start = Instant.ofEpochMilli(monthStart
                        + (long) ((i + random.nextDouble()) * monthMillis / count));
                String[] row;
                if (badRows && i % BAD_ROW_EVERY == BAD_ROW_EVERY / 2 && previous != null) {
                    row = badRow(BadRow.values()[badRowCount++ % BadRow.values().length], start);
                } else {
                    row = call(start, i == longestCall);
                    previous = row;
                }
                printer.printRecord((Object[]) row);
            }
            if (printer != null) {
                printer.close(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CDR files to " + outDir, e);
        }
        return files;
    }

    private String[] call(Instant start, boolean longerThanADay) {
        GeneratorInventory.Trunk trunk = trunkAt(start);
        String country = inventory.accountCountries().getOrDefault(trunk.accountId(), "US");
        boolean outbound = random.nextDouble() < ("OPENAI_REALTIME".equals(trunk.type()) ? 0.03 : 0.60);
        String did = did(trunk.accountId(), country);
        String other = outboundCallee(country);
        String[] row = new String[CdrColumn.count()];
        set(row, CdrColumn.CDR_ID, uuid());
        set(row, CdrColumn.CALL_ID, Long.toHexString(random.nextLong()) + "@sbc-" + trunk.dataCenter().toLowerCase()
                .replace('_', '-') + ".trunkbill.net");
        boolean freshworksWithoutTrunk = "FRESHWORKS".equals(trunk.type()) && outbound && random.nextDouble() < 0.85;
        set(row, CdrColumn.TRUNK_ID, freshworksWithoutTrunk ? "" : trunk.trunkId());
        set(row, CdrColumn.ACCOUNT_ID, freshworksWithoutTrunk || random.nextDouble() < 0.7 ? trunk.accountId() : "");
        set(row, CdrColumn.DATA_CENTER, trunk.dataCenter());
        set(row, CdrColumn.SOURCE, source(trunk.type()));
        set(row, CdrColumn.DIRECTION, outbound ? "OUTBOUND" : "INBOUND");
        set(row, CdrColumn.CALLER, outbound ? did : other);
        set(row, CdrColumn.CALLEE, outbound ? other : inboundDid(did, country));
        ZoneOffset offset = switch (trunk.dataCenter()) {
            case "SAO_POLO" -> ZoneOffset.ofHours(-3);
            case "BOGOTA" -> ZoneOffset.ofHours(-5);
            default -> ZoneOffset.UTC;
        };
        set(row, CdrColumn.START_TIME, instant(start, offset));
        double outcome = random.nextDouble();
        if (outcome < 0.01) {
            set(row, CdrColumn.ANSWER_TIME, "");
            set(row, CdrColumn.END_TIME, instant(start.plusMillis(random.nextInt(250)), offset));
            set(row, CdrColumn.SIP_STATUS, "503");
            set(row, CdrColumn.DISCONNECT_REASON, "CHANNEL_LIMIT");
        } else if (outcome < 0.21) {
            int kind = random.nextInt(20);
            String[] status = kind < 8 ? new String[] {"486", "USER_BUSY"}
                    : kind < 15 ? new String[] {"480", "NO_ANSWER"} : new String[] {"487", "ORIGINATOR_CANCEL"};
            set(row, CdrColumn.ANSWER_TIME, "");
            set(row, CdrColumn.END_TIME, instant(start.plusMillis(2_000 + random.nextInt(40_000)), offset));
            set(row, CdrColumn.SIP_STATUS, status[0]);
            set(row, CdrColumn.DISCONNECT_REASON, status[1]);
        } else {
            Instant answer = start.plusMillis(800 + random.nextInt(15_000));
            set(row, CdrColumn.ANSWER_TIME, instant(answer, offset));
            set(row, CdrColumn.END_TIME, instant(answer.plusMillis(durationMillis(longerThanADay)), offset));
            set(row, CdrColumn.SIP_STATUS, "200");
            set(row, CdrColumn.DISCONNECT_REASON, "NORMAL_CLEARING");
        }
        set(row, CdrColumn.CODEC, CODECS[random.nextInt(CODECS.length)]);
        return row;
    }

    private long durationMillis(boolean longerThanADay) {
        if (longerThanADay) {
            return (24 * 3600 + 1800 + random.nextInt(3600)) * 1000L + random.nextInt(1000);
        }
        if (random.nextDouble() < 0.0004) {
            return (4 * 3600 + random.nextInt(4 * 3600)) * 1000L + random.nextInt(1000);
        }
        double seconds = Math.exp(Math.log(90) + 1.1 * random.nextGaussian());
        if (random.nextDouble() < 0.01) {
            seconds = random.nextInt(3); // very short answered calls, 0 s included
        }
        return (long) (Math.min(3600, seconds) * 1000);
    }

    private String[] badRow(BadRow kind, Instant start) {
        String[] row = Arrays.copyOf(previous, previous.length);
        set(row, CdrColumn.CDR_ID, uuid());
        switch (kind) {
            case BAD_INSTANT -> set(row, CdrColumn.START_TIME,
                    start.atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace('T', ' '));
            case END_BEFORE_START -> {
                set(row, CdrColumn.START_TIME, instant(start, ZoneOffset.UTC));
                set(row, CdrColumn.ANSWER_TIME, "");
                set(row, CdrColumn.END_TIME, instant(start.minusSeconds(30), ZoneOffset.UTC));
                set(row, CdrColumn.SIP_STATUS, "487");
            }
            case BAD_ENUM -> set(row, CdrColumn.DIRECTION, "OUTGOING");
            case MALFORMED_ROW -> row = Arrays.copyOf(row, row.length - 1);
            case FIELD_TOO_LONG -> set(row, CdrColumn.CDR_ID, uuid() + "-" + uuid() + "-x");
            case ANSWER_OUTSIDE_CALL -> {
                set(row, CdrColumn.START_TIME, instant(start, ZoneOffset.UTC));
                set(row, CdrColumn.ANSWER_TIME, instant(start.plusSeconds(90), ZoneOffset.UTC));
                set(row, CdrColumn.END_TIME, instant(start.plusSeconds(60), ZoneOffset.UTC));
                set(row, CdrColumn.SIP_STATUS, "200");
            }
            case BAD_NUMBER -> set(row, CdrColumn.CALLEE, "0800-FLOWERS");
            case MISSING_FIELD -> set(row, CdrColumn.CALLEE, "");
            case UNKNOWN_TRUNK -> set(row, CdrColumn.TRUNK_ID, "TRK-9999");
            case ACCOUNT_MISMATCH -> {
                GeneratorInventory.Trunk trunk = inventory.trunks().get(0);
                set(row, CdrColumn.TRUNK_ID, trunk.trunkId());
                set(row, CdrColumn.ACCOUNT_ID, inventory.trunks().stream().map(GeneratorInventory.Trunk::accountId)
                        .filter(account -> !account.equals(trunk.accountId())).findFirst().orElse("ACC-OTHER"));
            }
            case NO_TRUNK -> {
                set(row, CdrColumn.TRUNK_ID, "");
                set(row, CdrColumn.SOURCE, "SBC");
                if (row[CdrColumn.ACCOUNT_ID.ordinal()].isEmpty()) {
                    set(row, CdrColumn.ACCOUNT_ID, inventory.trunks().get(0).accountId());
                }
            }
            case DUPLICATE -> row = Arrays.copyOf(previous, previous.length);
            case DUPLICATE_CONFLICT -> {
                row = Arrays.copyOf(previous, previous.length);
                set(row, CdrColumn.CODEC, "G722");
            }
        }
        return row;
    }

    private GeneratorInventory.Trunk trunkAt(Instant start) {
        List<GeneratorInventory.Trunk> trunks = inventory.trunks();
        for (int attempt = 0; attempt < 20; attempt++) {
            long pick = random.nextLong(cumulativeChannels[cumulativeChannels.length - 1]);
            int index = Arrays.binarySearch(cumulativeChannels, pick + 1);
            index = index >= 0 ? index : -index - 1;
            if (trunks.get(index).existsAt(start)) {
                return trunks.get(index);
            }
        }
        return trunks.stream().filter(trunk -> trunk.existsAt(start)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no trunk of the inventory exists at " + start));
    }

    private static String source(String trunkType) {
        return switch (trunkType) {
            case "FRESHWORKS" -> "FRESHWORKS";
            case "GENESYS" -> "GENESYS";
            case "CISCO_WEBEX" -> "WEBEX";
            case "MS_OPERATOR_CONNECT" -> "TEAMS";
            case "OPENAI_REALTIME" -> "OPENAI";
            default -> "SBC";
        };
    }

    /** One of the account's 100 DIDs (fictional 555-01xx style numbers in the US). */
    private String did(String accountId, String country) {
        int hash = Math.floorMod(accountId.hashCode(), 40);
        String lastTwo = digits(random.nextInt(100), 2);
        return switch (country) {
            case "US" -> "+1" + new String[] {"212", "512", "312", "646"}[hash % 4] + "5550" + (hash / 4) + lastTwo;
            case "DE" -> "+49301234567" + lastTwo.charAt(1);
            case "HR" -> "+3851456780" + lastTwo.charAt(1);
            case "FR" -> "+331456789" + lastTwo;
            case "BR" -> "+55113456780" + lastTwo.charAt(1);
            case "SG" -> "+656123450" + lastTwo.charAt(1);
            default -> "+4420794601" + lastTwo;
        };
    }

    /** Inbound calls: mostly the DID, 10% a toll-free number of a US account. */
    private String inboundDid(String did, String country) {
        if ("US".equals(country) && random.nextDouble() < 0.10) {
            return "+1800555" + digits(random.nextInt(10_000), 4);
        }
        return did;
    }

    private String outboundCallee(String country) {
        double r = random.nextDouble();
        return switch (country) {
            case "US" -> r < 0.70 ? usNumber() : r < 0.77 ? nanp(CA_AREAS) : r < 0.80 ? nanp(PR_AREAS) : world(WORLD);
            case "DE" -> r < 0.40 ? world(new Object[][] {{"4930", 12}, {"4915", 13}, {"4917", 13}, {"4989", 12}})
                    : r < 0.60 ? usNumber() : r < 0.65 ? nanp(new String[] {"416", "604"})
                    : r < 0.90 ? world(EUROPE) : r < 0.95 ? world(new Object[][] {{"322", 10}, {"324", 11}})
                    : world(WORLD);
            case "HR" -> r < 0.50 ? world(new Object[][] {{"3851", 11}, {"38591", 12}, {"38598", 12}, {"38521", 11}})
                    : r < 0.80 ? world(EUROPE) : r < 0.90 ? usNumber() : world(WORLD);
            case "FR" -> r < 0.60 ? world(new Object[][] {{"331", 11}, {"336", 11}, {"337", 11}, {"334", 11}})
                    : r < 0.85 ? world(EUROPE) : r < 0.93 ? usNumber() : world(WORLD);
            case "BR" -> r < 0.60 ? world(new Object[][] {{"5511", 12}, {"55119", 13}, {"55219", 13}, {"5521", 12}})
                    : r < 0.75 ? world(new Object[][] {{"57601", 12}, {"573", 12}}) : r < 0.85 ? usNumber()
                    : world(WORLD);
            case "SG" -> r < 0.50 ? world(new Object[][] {{"6562", 10}, {"658", 10}, {"659", 10}})
                    : r < 0.70 ? world(new Object[][] {{"601", 11}, {"603", 10}}) : r < 0.80 ? usNumber()
                    : world(WORLD);
            default -> r < 0.5 ? usNumber() : world(WORLD);
        };
    }

    private String usNumber() {
        double r = random.nextDouble();
        if (r < 0.005) {
            return nanp(new String[] {"900"});
        }
        if (r < 0.045) {
            return nanp(TOLL_FREE);
        }
        return nanp(US_AREAS);
    }

    private String nanp(String[] areas) {
        return "+1" + areas[random.nextInt(areas.length)] + (2 + random.nextInt(8))
                + digits(random.nextInt(1_000_000), 6);
    }

    /** {@code value} left-padded with zeros to {@code width} digits. */
    private static String digits(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width ? text : "000000".substring(0, width - text.length()) + text;
    }

    private String world(Object[][] prefixes) {
        Object[] choice = prefixes[random.nextInt(prefixes.length)];
        String prefix = (String) choice[0];
        int digits = (Integer) choice[1];
        StringBuilder number = new StringBuilder("+").append(prefix);
        number.append(2 + random.nextInt(8));
        while (number.length() < digits + 1) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    private String uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private static String instant(Instant instant, ZoneOffset offset) {
        return offset.equals(ZoneOffset.UTC) ? instant.toString() : OffsetDateTime.ofInstant(instant, offset).toString();
    }

    private static void set(String[] row, CdrColumn column, String value) {
        row[column.ordinal()] = value;
    }
}
