package com.trunkbill.cdr;

import com.trunkbill.cdr.model.ForeignCdrMapping;
import com.trunkbill.cdr.model.IngestSplit;
import com.trunkbill.support.CsvFileException;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The check before an import stores anything (SPEC §8: a file that is not CSV is refused whole and the job fails
 * without partial effects). Broken CSV (an unterminated quote, binary content) can sit anywhere in a file, so
 * every record of every file is parsed. The files are read side by side, one per thread, as many threads as there
 * are cores (at most one per file): the check reads the whole input once more before the ingest, and on one thread
 * it left the other core idle (21 s of a 10M-CDR import). The results are taken in file name order, so the
 * refusals, the warnings and the partition plan do not depend on which thread finished first.
 */
final class CdrFileCheck {

    /** What the check found in one file: its refusal (null: it is CSV) and the unknown columns it ignores. */
    record FileResult(Path file, String refusal, List<String> unknownColumns) {
    }

    private final CdrFormat format;
    private final ForeignCdrMapping mapping;
    private final int threads;

    CdrFileCheck(CdrFormat format, ForeignCdrMapping mapping, int threads) {
        this.format = format;
        this.mapping = mapping;
        this.threads = threads;
    }

    /**
     * Reads every record of {@code files} (in file name order); with a {@code split}, notes each row's cdr_id for
     * the partition plan and for the files whose cdr_ids a later file repeats.
     *
     * @return one result per file, in the order of {@code files}
     */
    List<FileResult> check(List<Path> files, IngestSplit split) {
        int workers = Math.max(1, Math.min(threads, files.size()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "cdr-check-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileResult>> pending = new ArrayList<>(files.size());
            for (int index = 0; index < files.size(); index++) {
                int file = index;
                pending.add(pool.submit(() -> checkFile(files.get(file), file, split)));
            }
            List<FileResult> results = new ArrayList<>(files.size());
            for (Future<FileResult> result : pending) {
                results.add(result.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the CDR files", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileResult checkFile(Path file, int index, IngestSplit split) {
        IngestSplit.FileIds ids = split == null ? null : new IngestSplit.FileIds(index);
        try (CdrSource source = CdrSource.open(file, format, mapping)) {
            while (source.hasNext()) {
                String cdrId = source.nextCdrId();
                if (ids != null) {
                    ids.add(cdrId);
                }
            }
            if (ids != null) {
                split.add(ids);
            }
            return new FileResult(file, null, source.unknownColumns());
        } catch (CsvFileException e) {
            return new FileResult(file, e.getMessage(), List.of());
        } catch (UncheckedIOException e) {
            return new FileResult(file, file.getFileName() + ": cannot be read as a CSV file: " + e.getMessage(),
                    List.of());
        }
    }
}
