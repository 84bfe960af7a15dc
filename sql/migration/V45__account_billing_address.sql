-- The customer's billing address printed on invoices (optional accounts.csv columns; the account's country is the
-- billing country). All absent = no address shown.
ALTER TABLE account ADD COLUMN billing_street VARCHAR(200);
ALTER TABLE account ADD COLUMN billing_city VARCHAR(100);
ALTER TABLE account ADD COLUMN billing_postal_code VARCHAR(20);
ALTER TABLE account ADD COLUMN billing_state VARCHAR(100);
