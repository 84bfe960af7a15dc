#!/usr/bin/env bash
# Runs one trunkbill command described by a parameter file (jobs/*.env):
#   jobs/run-job.sh jobs/nightly.env [extra options...]
# The parameter file is KEY=value lines (also a systemd EnvironmentFile):
#   TRUNKBILL_COMMAND      the subcommand (nightly, invoice, rate, report, ...)
#   TRUNKBILL_ARGS         its options; @TODAY@, @CURRENT_MONTH@ and @PREVIOUS_MONTH@ are replaced (UTC)
#                          (both may be overridden for one run from the environment)
#   TRUNKBILL_DB, TRUNKBILL_DB_USER, TRUNKBILL_OUTPUT_DIR, TRUNKBILL_METRICS_FILE   the common options
# TRUNKBILL_REQUIRE_UTC=yes (set by jobs/crontab, whose times are UTC) refuses to start, exit 2, when the server's
# time zone is not UTC all year: Debian's and Ubuntu's cron ignore CRON_TZ and read the times in local time.
# TRUNKBILL_LOCAL_ZONE names the zone to check instead of the system's (/etc/localtime); tests use it.
# The database password comes from the TRUNKBILL_DB_PASSWORD environment variable (never from the file).
# Exit code: the command's own (0 completed, 1 failed, 2 bad usage).
set -euo pipefail

if [[ $# -lt 1 || ! -f "$1" ]]; then
  echo "usage: $0 PARAMETER_FILE [extra options...]" >&2
  exit 2
fi
params="$1"
shift
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# TRUNKBILL_COMMAND / TRUNKBILL_ARGS already in the environment win over the file (one-off runs)
command_override="${TRUNKBILL_COMMAND:-}"
args_override="${TRUNKBILL_ARGS-unset}"
set -a
# shellcheck disable=SC1090
source "$params"
set +a
[[ -n "$command_override" ]] && TRUNKBILL_COMMAND="$command_override"
[[ "$args_override" != "unset" ]] && TRUNKBILL_ARGS="$args_override"

if [[ "${TRUNKBILL_REQUIRE_UTC:-no}" == yes ]]; then
  # the zone cron reads the crontab in: the system's, whatever TZ this shell got
  local_offset() { if [[ -n "${TRUNKBILL_LOCAL_ZONE:-}" ]]; then TZ="$TRUNKBILL_LOCAL_ZONE" date -d "$1" +%z;
                   else env -u TZ date -d "$1" +%z; fi; }
  year="$(date -u +%Y)"
  winter="$(local_offset "$year-01-15 12:00")"
  summer="$(local_offset "$year-07-15 12:00")"
  if [[ "$winter" != "+0000" || "$summer" != "+0000" ]]; then
    echo "$(date -u +%Y-%m-%dT%H:%M:%S+00:00) run-job.sh: refused to run $params: the schedule is in UTC" \
      "(TRUNKBILL_REQUIRE_UTC=yes) but this server's time zone is ${TRUNKBILL_LOCAL_ZONE:-$(env -u TZ date +%Z)}" \
      "(UTC$winter in January, UTC$summer in July), and Debian/Ubuntu cron ignores CRON_TZ. Set the clock to UTC" \
      "(timedatectl set-timezone Etc/UTC), or with cronie (which honours CRON_TZ=UTC) set TRUNKBILL_REQUIRE_UTC=no" >&2
    exit 2
  fi
fi

today="${TRUNKBILL_TODAY:-$(date -u +%Y-%m-%d)}"
current_month="${today:0:7}"
previous_month="$(date -u -d "${current_month}-01 -1 month" +%Y-%m)"
args="${TRUNKBILL_ARGS:-}"
args="${args//@TODAY@/$today}"
args="${args//@CURRENT_MONTH@/$current_month}"
args="${args//@PREVIOUS_MONTH@/$previous_month}"

command=("${TRUNKBILL_LAUNCHER:-$here/trunkbill}" "${TRUNKBILL_COMMAND:?TRUNKBILL_COMMAND is not set in $params}")
# shellcheck disable=SC2206
command+=($args)
[[ -n "${TRUNKBILL_DB:-}" ]] && command+=(--db "$TRUNKBILL_DB")
[[ -n "${TRUNKBILL_DB_USER:-}" ]] && command+=(--db-user "$TRUNKBILL_DB_USER")
[[ -n "${TRUNKBILL_OUTPUT_DIR:-}" ]] && command+=(--output-dir "$TRUNKBILL_OUTPUT_DIR")
[[ -n "${TRUNKBILL_METRICS_FILE:-}" ]] && command+=(--metrics-file "$TRUNKBILL_METRICS_FILE")
command+=("$@")

exec "${command[@]}"
