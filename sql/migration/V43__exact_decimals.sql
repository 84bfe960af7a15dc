-- SPEC §3: "Decimals use ., any scale". Rates, connect fees, channel-plan prices and overage rates, fair-use
-- minutes, tax rates and base fractions, FX rates, and their copies on rated CDRs and invoice lines are stored
-- exactly as the rate tables give them, whatever their scale (DECIMAL(24, 10) refused a rate of 0.0049999999999).
-- Only where SPEC §4.1/§5.2 round are values rounded: rated_cdr.cost (10 places) and the line amounts.
--
-- ${exact_decimal} is an exact decimal of unlimited scale: NUMERIC on PostgreSQL, DECFLOAT on H2 (whose NUMERIC
-- without a scale has scale 0). FlywayPlaceholders (db package) sets it per database. jOOQ's DDL parser does
-- not know Flyway placeholders, so it skips these statements; the pom's forcedType gives the generated columns
-- the same unbounded type.
-- [jooq ignore start]
ALTER TABLE rate ALTER COLUMN rate_per_minute SET DATA TYPE ${exact_decimal};
ALTER TABLE rate ALTER COLUMN connect_fee SET DATA TYPE ${exact_decimal};
ALTER TABLE channel_plan_rate ALTER COLUMN price_per_channel_month SET DATA TYPE ${exact_decimal};
ALTER TABLE channel_plan_rate ALTER COLUMN fair_use_minutes_per_channel SET DATA TYPE ${exact_decimal};
ALTER TABLE channel_plan_rate ALTER COLUMN overage_rate_per_minute SET DATA TYPE ${exact_decimal};
ALTER TABLE tax_rate ALTER COLUMN rate SET DATA TYPE ${exact_decimal};
ALTER TABLE tax_rate ALTER COLUMN base_fraction SET DATA TYPE ${exact_decimal};
ALTER TABLE fx_rate ALTER COLUMN rate SET DATA TYPE ${exact_decimal};
ALTER TABLE rated_cdr ALTER COLUMN rate_per_minute SET DATA TYPE ${exact_decimal};
ALTER TABLE rated_cdr ALTER COLUMN connect_fee SET DATA TYPE ${exact_decimal};
ALTER TABLE invoice_line ALTER COLUMN unit_price SET DATA TYPE ${exact_decimal};
-- [jooq ignore stop]
