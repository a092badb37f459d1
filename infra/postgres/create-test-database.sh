#!/bin/sh
# Runs once, when the PostgreSQL container starts on an empty data volume: a second database for
# the test suites (TAIZHANG_TEST_PG), so tests never touch the read models of the running app.
set -e
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE DATABASE taizhang_test OWNER \"$POSTGRES_USER\""
