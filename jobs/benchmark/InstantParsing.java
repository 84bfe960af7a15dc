import com.trunkbill.cdr.model.FastInstantParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What parsing the three instants of every CDR costs, java.time against FastInstantParser, on generated CDR files.
 * A plain main, not JMH and not a timed test: it reads the instants of the canonical CSV files in DIR into memory
 * once (Commons CSV, by header name), then parses all of them ROUNDS times with each parser in turn, and prints the
 * best round of each (the first rounds warm the JIT up).
 * <p>
 * java -cp 'target/classes:lib/*' jobs/benchmark/InstantParsing.java DIR [ROUNDS]
 * (lib/ holds commons-csv, commons-io and commons-codec, e.g. unzipped from target/trunkbill.jar's BOOT-INF/lib)
 */
public class InstantParsing {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> texts = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord row : parser) {
                    for (String column : List.of("start_time", "answer_time", "end_time")) {
                        String text = row.get(column);
                        if (!text.isEmpty()) {
                            texts.add(text);
                        }
                    }
                }
            }
        }
        System.out.printf("%,d instants from %d file(s)%n", texts.size(), files.size());
        Function<String, Instant> javaTime = text ->
                OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        Function<String, Instant> fast = FastInstantParser::parseOrNull;
        double bestJavaTime = Double.MAX_VALUE;
        double bestFast = Double.MAX_VALUE;
        long check = 0;
        for (int round = 0; round < rounds; round++) {
            long[] result = time(texts, javaTime);
            bestJavaTime = Math.min(bestJavaTime, result[0] / 1e9);
            check += result[1];
            result = time(texts, fast);
            bestFast = Math.min(bestFast, result[0] / 1e9);
            check -= result[1];
        }
        if (check != 0) {
            throw new IllegalStateException("the parsers disagree");
        }
        System.out.printf("java.time OffsetDateTime.parse: %.3f s, %,.0f instants/s%n", bestJavaTime, texts.size() / bestJavaTime);
        System.out.printf("FastInstantParser.parseOrNull: %.3f s, %,.0f instants/s (%.1fx)%n", bestFast,
                texts.size() / bestFast, bestJavaTime / bestFast);
    }

    /** Nanoseconds to parse every text, and the sum of the epoch seconds (so the work is not optimised away). */
    private static long[] time(List<String> texts, Function<String, Instant> parser) {
        long start = System.nanoTime();
        long sum = 0;
        for (String text : texts) {
            sum += parser.apply(text).getEpochSecond();
        }
        return new long[] {System.nanoTime() - start, sum};
    }
}
