-- Rating at ingest (issue 8): import-cdrs rates each accepted CDR in the same transaction as its file and records
-- that first rating as a rating run with at_ingest = true. An unscoped `rate` re-rates the CDRs whose current rating
-- comes from an ingest run made since the last completed unscoped run with other reference data (rates, channel
-- plans, inventory snapshot) than its own, so that it gives what rating after the import would have given.
ALTER TABLE rating_run ADD COLUMN at_ingest BOOLEAN DEFAULT FALSE NOT NULL;
