package com.trunkbill.cdr;

import com.trunkbill.cdr.model.CdrRow;
import com.trunkbill.cdr.model.CdrValidator;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.cdr.model.Rejection;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.support.RejectsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingests one CDR file, streaming: rows are read in chunks of {@value #CHUNK_SIZE}; per chunk, one query
 * finds the stored CDRs with the same ids and one JDBC batch stores the accepted ones. Must run inside one
 * transaction per file (the caller's), so that a file refused halfway leaves nothing behind.
 * Per row, in file order: validation (malformed reasons), then duplicates (same cdr_id as a stored CDR or an
 * earlier row of the same chunk: same content hash = duplicate, else DUPLICATE_CONFLICT, the first stays),
 * then trunk attribution (UNKNOWN_TRUNK, ACCOUNT_MISMATCH, NO_TRUNK).
 */
public class CdrFileIngester {

    static final int CHUNK_SIZE = 5_000;
    private static final Logger log = LoggerFactory.getLogger(CdrFileIngester.class);
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final CdrImportRepository repository;
    private final TrunkAttribution attribution;
    private final CdrValidator validator = new CdrValidator();

    public CdrFileIngester(CdrImportRepository repository, TrunkAttribution attribution) {
        this.repository = repository;
        this.attribution = attribution;
    }

    /** Ingests the file as {@code cdr_file} row; returns its counts (already stored). */
    public ImportCounts ingest(Path file, String contentHash, CdrFormat format, ForeignCdrMapping mapping,
                               Path rejectsDir, Runnable perRow) {
        String name = file.getFileName().toString();
        long fileId = repository.insertFile(name, contentHash, format, Instant.now());
        ImportCounts counts = new ImportCounts();
        long started = System.nanoTime();
        long lastProgress = started;
        try (CdrSource source = CdrSource.open(file, format, mapping);
             RejectsFile rejects = new RejectsFile(rejectsDir, name)) {
            if (!source.unknownColumns().isEmpty()) {
                log.warn("{}: unknown column(s) ignored: {}", name, String.join(", ", source.unknownColumns()));
            }
            List<CdrRow> chunk = new ArrayList<>(CHUNK_SIZE);
            while (source.hasNext()) {
                chunk.add(source.next());
                perRow.run();
                if (chunk.size() == CHUNK_SIZE) {
                    ingestChunk(fileId, chunk, counts, rejects);
                    chunk.clear();
                    long now = System.nanoTime();
                    if (now - lastProgress > PROGRESS_NANOS) {
                        lastProgress = now;
                        log.info("{}: {} rows so far ({}/s)", name, String.format("%,d", counts.read()),
                                Math.round(counts.read() / ((now - started) / 1e9)));
                    }
                }
            }
            ingestChunk(fileId, chunk, counts, rejects);
        } catch (RuntimeException e) {
            new RejectsFile(rejectsDir, name).path().toFile().delete();
            throw e;
        }
        repository.updateFileCounts(fileId, counts);
        return counts;
    }

    private void ingestChunk(long fileId, List<CdrRow> rows, ImportCounts counts, RejectsFile rejects) {
        List<CdrValidator.Result> results = new ArrayList<>(rows.size());
        List<String> ids = new ArrayList<>(rows.size());
        for (CdrRow row : rows) {
            CdrValidator.Result result = validator.validate(row);
            results.add(result);
            if (result.isValid()) {
                ids.add(result.cdr().cdrId());
            }
        }
        Map<String, String> stored = repository.storedContentHashes(ids);

        Map<String, String> acceptedInChunk = new HashMap<>();
        List<AcceptedCdr> accepted = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CdrRow row = rows.get(i);
            CdrValidator.Result result = results.get(i);
            if (!result.isValid()) {
                reject(row, result.rejection(), counts, rejects);
                continue;
            }
            var cdr = result.cdr();
            String firstHash = stored.get(cdr.cdrId());
            if (firstHash == null) {
                firstHash = acceptedInChunk.get(cdr.cdrId());
            }
            if (firstHash != null) {
                if (firstHash.equals(cdr.contentHash())) {
                    counts.countDuplicate();
                } else {
                    reject(row, new Rejection(RejectReason.DUPLICATE_CONFLICT, "cdr_id " + cdr.cdrId()
                            + " was accepted before with different content; the first stays"), counts, rejects);
                }
                continue;
            }
            TrunkAttribution.Outcome outcome = attribution.attribute(cdr);
            if (!outcome.isAttributed()) {
                reject(row, outcome.rejection(), counts, rejects);
                continue;
            }
            acceptedInChunk.put(cdr.cdrId(), cdr.contentHash());
            accepted.add(new AcceptedCdr(cdr, outcome));
            counts.countAccepted();
        }
        repository.insertCdrs(fileId, accepted);
    }

    private static void reject(CdrRow row, Rejection rejection, ImportCounts counts, RejectsFile rejects) {
        counts.countRejected(rejection.reason());
        rejects.reject(row.lineNo(), rejection.reason().name(), rejection.detail(), row.raw());
    }
}
