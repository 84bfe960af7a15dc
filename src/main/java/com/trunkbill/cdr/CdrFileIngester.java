package com.trunkbill.cdr;

import com.carrotsearch.hppc.LongHashSet;
import com.trunkbill.cdr.model.CdrBounds;
import com.trunkbill.cdr.model.CdrIdFingerprint;
import com.trunkbill.cdr.model.CdrRow;
import com.trunkbill.cdr.model.CdrValidator;
import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.ImportCounts;
import com.trunkbill.cdr.model.RejectReason;
import com.trunkbill.cdr.model.Rejection;
import com.trunkbill.cdr.model.TrunkAttribution;
import com.trunkbill.support.CdrKey;
import com.trunkbill.support.RejectsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Ingests one CDR file, streaming, on two threads, so that the JVM's work and the database's overlap: a reader
 * thread parses and validates chunks of {@value #CHUNK_SIZE} rows (CSV, instants, content hash), attributes
 * trunks, checks the bounds and prepares what follows storage ({@link FollowUp#prepare}: the first rating at
 * ingest), while the calling thread, which owns the file's transaction, checks each chunk's cdr_ids against the
 * stored ones ({@link KnownCdrIds}, in memory: the database is asked only about a row whose cdr_id's fingerprint is
 * known, see {@link #ingestChunk}), stores the accepted rows (one COPY / JDBC batch) and hands the prepared results
 * of the accepted ones to {@link FollowUp#stored}. At most
 * {@value #QUEUED_CHUNKS} chunks wait between them, so memory stays flat whatever the file size. A row the
 * duplicate check drops was prepared for nothing; that is the price of doing the preparation before the check, on
 * the other core.
 * Per row, in file order: validation (malformed reasons), then duplicates (same cdr_id as a stored CDR or an
 * earlier row of the chunk: same content hash = duplicate, else DUPLICATE_CONFLICT, the first stays), then
 * trunk attribution (UNKNOWN_TRUNK, ACCOUNT_MISMATCH, NO_TRUNK), then the sane bounds of {@link CdrBounds} against
 * the ingestion instant (START_BEFORE_TRUNK, START_TOO_OLD, DURATION_TOO_LONG, END_IN_FUTURE).
 * Must run inside one transaction per file (the caller's), so that a file refused halfway leaves nothing. One
 * ingester serves the files of one thread of one import, in turn: it remembers the cdr_ids it stored, so it must
 * not outlive a file whose transaction is rolled back (a failed file fails the import's step, which drops it).
 */
public class CdrFileIngester {

    /**
     * Rows per chunk. Fewer rows in flight (at most {@value #QUEUED_CHUNKS} + 2 chunks per file) die young: with 5,000,
     * the rows outlived young collections and the heap grew with them (10M CDRs in two partitions on PostgreSQL: peak
     * RSS 1,310 MiB against 990 MiB, the same CPU; docs/performance.md).
     */
    static final int CHUNK_SIZE = 2_500;
    static final int QUEUED_CHUNKS = 2;
    private static final Logger log = LoggerFactory.getLogger(CdrFileIngester.class);
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    private final CdrImportRepository repository;
    private final TrunkAttribution attribution;
    private final CdrBounds bounds;
    private final Instant ingestedAt;
    private final FollowUp<?> followUp;
    private final KnownCdrIds known = new KnownCdrIds();

    /**
     * What happens to accepted CDRs besides being stored (rating at ingest), in two halves so that the costly one
     * runs on the reader thread.
     *
     * @param <P> what {@link #prepare} makes of one CDR
     */
    public interface FollowUp<P> {

        /** Nothing follows storage. */
        FollowUp<Void> NONE = new FollowUp<>() {
            @Override
            public Void prepare(AcceptedCdr cdr) {
                return null;
            }

            @Override
            public void stored(List<Void> prepared) {
            }
        };

        /**
         * On the reader thread, in file order, for every row that passed validation, attribution and the bounds,
         * before the duplicate check (a duplicate's result is dropped). Must not touch the database.
         */
        P prepare(AcceptedCdr cdr);

        /**
         * On the ingesting thread, in the file's transaction, right after a chunk's accepted CDRs are stored: what
         * {@link #prepare} made of each of them, in the same order (the CDRs and their first ratings commit
         * together).
         */
        void stored(List<P> prepared);
    }

    /** Bounds {@link CdrBounds#DEFAULT} checked against the current time. */
    public CdrFileIngester(CdrImportRepository repository, TrunkAttribution attribution) {
        this(repository, attribution, CdrBounds.DEFAULT, Instant.now());
    }

    /**
     * @param bounds     the sane bounds of an accepted CDR; null: none
     * @param ingestedAt the instant the bounds are checked against (the night's end for a nightly run)
     */
    public CdrFileIngester(CdrImportRepository repository, TrunkAttribution attribution, CdrBounds bounds,
                           Instant ingestedAt) {
        this(repository, attribution, bounds, ingestedAt, FollowUp.NONE);
    }

    /** @param followUp what happens to each chunk's accepted CDRs besides being stored */
    public CdrFileIngester(CdrImportRepository repository, TrunkAttribution attribution, CdrBounds bounds,
                           Instant ingestedAt, FollowUp<?> followUp) {
        this.repository = repository;
        this.attribution = attribution;
        this.bounds = bounds;
        this.ingestedAt = ingestedAt;
        this.followUp = followUp;
    }

    /**
     * A row as the reader thread leaves it: its validation outcome and, for a valid row, its period and cdr_id
     * fingerprint, its trunk attribution, the bounds it breaks (null: none) and, when it has neither rejection, the
     * CDR to store with its key ({@code accepted}, else null) and what {@link FollowUp#prepare} made of it.
     */
    private record Validated(CdrRow row, CdrValidator.Result result, String period, long fingerprint,
                             TrunkAttribution.Outcome attribution, Rejection outOfBounds, AcceptedCdr accepted,
                             Object prepared) {
    }

    /** What the reader thread hands over: a chunk, the end of the file, or why it stopped. */
    private record Handover(List<Validated> chunk, RuntimeException failure) {
        static final Handover END = new Handover(null, null);
    }

    /**
     * Ingests the file as a {@code cdr_file} row; returns its counts (already stored).
     *
     * @param recordedAt       the file's {@code ingested_at} (a partitioned import gives all its files the
     *                         import's instant, so that they list in name order as a sequential import's do)
     * @param repeatedLater    whether a later file of this ingester may repeat this file's cdr_ids
     *                         ({@link com.trunkbill.cdr.model.IngestSplit#repeatedLater}): then they are remembered
     *                         for it, else forgotten after the file (memory in proportion to one file)
     */
    public ImportCounts ingest(Path file, String contentHash, CdrFormat format, ForeignCdrMapping mapping,
                               Path rejectsDir, LongConsumer rowsRead, Instant recordedAt, boolean repeatedLater) {
        String name = file.getFileName().toString();
        known.startFile();
        long fileId = repository.insertFile(name, contentHash, format, recordedAt);
        ImportCounts counts = new ImportCounts();
        BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        Thread reader = new Thread(() -> read(fileId, file, format, mapping, queue), "cdr-reader");
        reader.setDaemon(true);
        long started = System.nanoTime();
        long lastProgress = started;
        try (RejectsFile rejects = new RejectsFile(rejectsDir, name)) {
            reader.start();
            while (true) {
                Handover handover = queue.take();
                if (handover.failure() != null) {
                    throw handover.failure();
                }
                if (handover == Handover.END) {
                    break;
                }
                ingestChunk(fileId, name, handover.chunk(), counts, rejects);
                rowsRead.accept(handover.chunk().size());
                long now = System.nanoTime();
                if (now - lastProgress > PROGRESS_NANOS) {
                    lastProgress = now;
                    log.info("{}: {} rows so far ({}/s)", name, String.format("%,d", counts.read()),
                            Math.round(counts.read() / ((now - started) / 1e9)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteRejects(rejectsDir, name);
            throw new IllegalStateException(name + ": interrupted", e);
        } catch (RuntimeException e) {
            deleteRejects(rejectsDir, name);
            throw e;
        } finally {
            reader.interrupt();
        }
        repository.updateFileCounts(fileId, counts);
        known.fileDone(repeatedLater); // the caller commits next; if that fails, the import's step fails with it
        return counts;
    }

    private static void deleteRejects(Path rejectsDir, String name) {
        new RejectsFile(rejectsDir, name).path().toFile().delete();
    }

    /** The reader thread: parse, validate and prepare, hand over chunks; any failure is handed over too. */
    private void read(long fileId, Path file, CdrFormat format, ForeignCdrMapping mapping,
                      BlockingQueue<Handover> queue) {
        CdrValidator validator = new CdrValidator();
        try {
            try (CdrSource source = CdrSource.open(file, format, mapping)) {
                if (!source.unknownColumns().isEmpty()) {
                    log.warn("{}: unknown column(s) ignored: {}", file.getFileName(),
                            String.join(", ", source.unknownColumns()));
                }
                List<Validated> chunk = new ArrayList<>(CHUNK_SIZE);
                while (source.hasNext()) {
                    CdrRow row = source.next();
                    chunk.add(prepare(fileId, row, validator.validate(row)));
                    if (chunk.size() == CHUNK_SIZE) {
                        queue.put(new Handover(chunk, null));
                        chunk = new ArrayList<>(CHUNK_SIZE);
                    }
                }
                queue.put(new Handover(chunk, null));
            }
            queue.put(Handover.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the ingesting thread gave up: nobody waits for us
        } catch (RuntimeException e) {
            queue.clear();
            queue.offer(new Handover(null, e));
        }
    }

    /** Everything about one row that does not depend on the CDRs stored before it. */
    private Validated prepare(long fileId, CdrRow row, CdrValidator.Result result) {
        if (!result.isValid()) {
            return new Validated(row, result, null, 0, null, null, null, null);
        }
        var cdr = result.cdr();
        String period = AcceptedCdr.periodOf(cdr.startTime());
        long fingerprint = CdrIdFingerprint.of(cdr.cdrId());
        TrunkAttribution.Outcome outcome = attribution.attribute(cdr);
        if (!outcome.isAttributed()) {
            return new Validated(row, result, period, fingerprint, outcome, null, null, null);
        }
        Rejection outOfBounds = bounds == null ? null
                : bounds.check(cdr, attribution.trunk(outcome.trunkId()), ingestedAt);
        if (outOfBounds != null) {
            return new Validated(row, result, period, fingerprint, outcome, outOfBounds, null, null);
        }
        AcceptedCdr accepted = new AcceptedCdr(cdr, outcome, CdrKey.of(fileId, cdr.lineNo()), fingerprint, period);
        return new Validated(row, result, period, fingerprint, outcome, null, accepted, followUp.prepare(accepted));
    }

    /**
     * Stores a chunk. Each valid row's cdr_id is checked against the CDRs stored in its period and those this
     * ingester stored ({@link KnownCdrIds}, a period loaded when a row first falls in it); the stored CDRs whose
     * fingerprints match are read in one query (usually there are none, then no query). Duplicates come before
     * attribution and the bounds, so rows that fail those are checked too.
     */
    private void ingestChunk(long fileId, String fileName, List<Validated> rows, ImportCounts counts,
                             RejectsFile rejects) {
        Decisions decisions = decide(fileName, rows, repository.storedCdrs(knownKeys(rows)));
        repository.insertCdrs(fileId, decisions.accepted);
        for (AcceptedCdr accepted : decisions.accepted) {
            known.addFromFile(accepted.fingerprint(), accepted.key());
        }
        counts.add(decisions.counts);
        for (Rejected rejected : decisions.rejected) {
            rejects.reject(rejected.row().lineNo(), rejected.rejection().reason().name(),
                    rejected.rejection().detail(), rejected.row().raw());
        }
        stored(followUp, decisions.prepared);
    }

    /** The keys of the stored CDRs whose cdr_id fingerprint a valid row of the chunk has. */
    private List<Long> knownKeys(List<Validated> rows) {
        List<Long> keys = new ArrayList<>();
        for (Validated validated : rows) {
            if (validated.result().isValid()) {
                if (!known.hasPeriod(validated.period())) {
                    repository.loadFingerprints(validated.period(), known);
                }
                known.keysOf(validated.fingerprint(), keys::add);
            }
        }
        return keys;
    }

    /** A row rejected and why. */
    private record Rejected(CdrRow row, Rejection rejection) {
    }

    /**
     * What becomes of a chunk's rows: their counts, the rejected rows in file order, and the accepted CDRs with what
     * {@link FollowUp#prepare} made of each.
     */
    private static final class Decisions {

        final ImportCounts counts = new ImportCounts();
        final List<Rejected> rejected = new ArrayList<>();
        final List<AcceptedCdr> accepted = new ArrayList<>();
        final List<Object> prepared = new ArrayList<>();

        void reject(CdrRow row, Rejection rejection) {
            counts.countRejected(rejection.reason());
            rejected.add(new Rejected(row, rejection));
        }

        void accept(Validated validated) {
            counts.countAccepted();
            accepted.add(validated.accepted());
            prepared.add(validated.prepared());
        }
    }

    /**
     * Decides each row of a chunk in file order, as SPEC §8 and §9 order the reasons: validation, duplicates (the
     * same cdr_id as {@code stored} or an earlier accepted row of the chunk: same content hash = duplicate, else
     * DUPLICATE_CONFLICT), trunk attribution, the bounds.
     *
     * @param stored the stored CDRs among the chunk's cdr_ids, as far as they were looked up
     */
    private static Decisions decide(String fileName, List<Validated> rows,
                                    Map<String, CdrImportRepository.StoredCdr> stored) {
        Decisions decisions = new Decisions();
        // The rows accepted so far in the chunk, by cdr_id fingerprint; by cdr_id only once a fingerprint repeats
        // (this method was 15 % of the ingesting threads' samples at 10M CDRs with a map of every cdr_id).
        LongHashSet acceptedFingerprints = new LongHashSet(rows.size());
        Map<String, CdrImportRepository.StoredCdr> acceptedInChunk = null;
        for (Validated validated : rows) {
            CdrRow row = validated.row();
            CdrValidator.Result result = validated.result();
            if (!result.isValid()) {
                decisions.reject(row, result.rejection());
                continue;
            }
            var cdr = result.cdr();
            CdrImportRepository.StoredCdr first = stored.get(cdr.cdrId());
            if (first == null && acceptedFingerprints.contains(validated.fingerprint())) {
                if (acceptedInChunk == null) {
                    acceptedInChunk = new HashMap<>();
                    for (AcceptedCdr earlier : decisions.accepted) {
                        acceptedInChunk.put(earlier.cdr().cdrId(), storedCdr(fileName, earlier));
                    }
                }
                first = acceptedInChunk.get(cdr.cdrId());
            }
            if (first != null) {
                if (first.contentHash().equals(cdr.contentHash())) {
                    decisions.counts.countDuplicate();
                } else {
                    decisions.reject(row, new Rejection(RejectReason.DUPLICATE_CONFLICT, "cdr_id " + cdr.cdrId()
                            + " was accepted from " + first.fileName() + " line " + first.lineNo()
                            + " with different content; the first stays"));
                }
                continue;
            }
            Rejection rejection = validated.attribution().isAttributed() ? validated.outOfBounds()
                    : validated.attribution().rejection();
            if (rejection != null) {
                decisions.reject(row, rejection);
                continue;
            }
            acceptedFingerprints.add(validated.fingerprint());
            if (acceptedInChunk != null) {
                acceptedInChunk.put(cdr.cdrId(), storedCdr(fileName, validated.accepted()));
            }
            decisions.accept(validated);
        }
        return decisions;
    }

    private static CdrImportRepository.StoredCdr storedCdr(String fileName, AcceptedCdr accepted) {
        return new CdrImportRepository.StoredCdr(accepted.cdr().contentHash(), fileName, accepted.cdr().lineNo());
    }

    @SuppressWarnings("unchecked") // each element is what this follow-up's own prepare returned
    private static <P> void stored(FollowUp<P> followUp, List<Object> prepared) {
        followUp.stored((List<P>) prepared);
    }
}
