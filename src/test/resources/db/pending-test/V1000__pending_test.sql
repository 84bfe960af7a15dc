-- a migration that is not applied yet (FlywayFastPathTest)
CREATE TABLE pending_test (id INT PRIMARY KEY);
