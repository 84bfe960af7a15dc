-- Issue 12: a CDR that cannot be rated (the engine throws: arithmetic out of range, inventory inconsistent) is set
-- aside as a current rated_cdr row with status RATING_ERROR and the exception's message, instead of failing the
-- whole run. Like NO_RATE it is re-tried by every later `rate`; reconciliation counts it under malformed.
ALTER TABLE rated_cdr ADD COLUMN rating_error VARCHAR(1000);
