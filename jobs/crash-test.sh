#!/usr/bin/env bash
# Crash and restart harness, long variant (docs/reliability.md): K kill points (default 50) on H2, then K on
# embedded PostgreSQL. Each kill is a SIGKILL of target/trunkbill.jar at a random point of a billing flow; every
# killed command is restarted until it completes, and the outcome is compared with an uninterrupted run.
#   jobs/crash-test.sh [K] [h2|postgres]   (both databases when the second argument is absent)
#   figures: target/crash-test/figures.md, logs: target/crash-test/<db>/
# Optional: CRASH_CDRS (CDRs of the generated month, default 1000), CRASH_SEED, MVN_FLAGS (e.g. -o).
set -uo pipefail
kills="${1:-50}"
case "${2:-both}" in
  h2) tests='CrashRestartIT#killsOnH2*' ;;
  postgres) tests='CrashRestartIT#killsOnPostgres*' ;;
  *) tests='CrashRestartIT' ;;
esac
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
./mvnw -B -q ${MVN_FLAGS:-} -DskipTests package || exit 1
./mvnw -B ${MVN_FLAGS:-} failsafe:integration-test failsafe:verify -Dit.test="$tests" \
  -Dcrash.kill-points="$kills" -Dcrash.kills-per-scenario="${CRASH_KILLS_PER_SCENARIO:-8}" \
  -Dcrash.cdrs="${CRASH_CDRS:-1000}" -Dcrash.seed="${CRASH_SEED:-20261031}"
status=$?
cat target/crash-test/figures.md
exit $status
