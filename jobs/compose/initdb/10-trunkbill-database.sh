#!/bin/sh
# PostgreSQL's image runs this once, when its data volume is empty (compose.yaml): the login role trunkbill, not a
# superuser, owning the database trunkbill, as on a server with
#   createuser --pwprompt trunkbill && createdb -O trunkbill trunkbill
# (owning the database gives trunkbill the rights on schema public that PostgreSQL 15+ no longer grants to all).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v password="$TRUNKBILL_DB_PASSWORD" <<'SQL'
CREATE ROLE trunkbill LOGIN PASSWORD :'password';
CREATE DATABASE trunkbill OWNER trunkbill;
SQL
