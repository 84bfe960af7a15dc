-- invoicing (SPEC §4.6): an ADJUSTMENT line names the kind of line it corrects (CHANNEL_FEE, USAGE,
-- FAIR_USE_OVERAGE, TAX), so that a later note compares line keys across the final invoice and its notes.
ALTER TABLE invoice_line ADD COLUMN adjusted_kind VARCHAR(24);
