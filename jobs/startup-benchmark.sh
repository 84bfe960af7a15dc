#!/usr/bin/env bash
# Start-up benchmark (docs/performance.md#start-up): how long trunkbill takes before it does any work.
#   jobs/startup-benchmark.sh [RUNS]            (default 5 runs of each measurement; the median is printed)
#   jobs/startup-benchmark.sh --launcher PATH   (another launcher, e.g. an older checkout's ./trunkbill)
# Measures, on the default embedded H2 file database in a temporary folder:
# - `history` on a fresh database (Flyway creates the schema) and on a current one (nothing to migrate);
# - time to a job's first step: `import-inventory` of sample-cdrs/inventory, from the launch to Spring Batch's
#   "Executing step" log line, on a fresh and on a current database.
# Each figure: wall seconds and CPU seconds (user + sys of the whole process tree, /usr/bin/time), the median of
# RUNS runs, with the load average before and after. A script, not a timed test: the machine's load decides the
# figures. The launcher prepares its fast start once (not timed: a warm-up run comes first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
launcher="$root/trunkbill"
runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --launcher) launcher="$(cd "$(dirname "${2:?--launcher needs a path}")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) runs="$1"; shift ;;
  esac
done
[[ "$runs" =~ ^([1-9]|[1-5][0-9])$ ]] || { echo "startup-benchmark.sh: RUNS must be 1 to 59, not $runs" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "startup-benchmark.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
inventory="$root/sample-cdrs/inventory"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
step_log="-Dlogging.level.org.springframework.batch.core.step.AbstractStep=INFO"
export TRUNKBILL_JAVA_OPTS="${TRUNKBILL_JAVA_OPTS:--Xmx2g} $step_log"

now_ms() { date +%s%3N; }

# one run in folder $1 of the launcher with the remaining arguments; prints "wall cpu first-step" (seconds;
# first-step is "-" for a command without steps)
measure() {
  local dir="$1" start out first log_ms
  shift
  mkdir -p "$dir"
  start="$(now_ms)"
  out="$(cd "$dir" && /usr/bin/time -f 'TIME %e %U %S' "$launcher" "$@" 2>&1)" || {
    echo "startup-benchmark.sh: $* failed:" >&2
    echo "$out" >&2
    exit 1
  }
  first="-"
  log_ms="$(echo "$out" | grep -m1 'Executing step' | cut -c1-29 || true)"
  if [[ -n "$log_ms" ]]; then
    first="$(awk -v s="$(date -d "$log_ms" +%s%3N)" -v t="$start" 'BEGIN { printf "%.2f", (s - t) / 1000 }')"
  fi
  echo "$out" | awk -v first="$first" '/^TIME / { printf "%.2f %.2f %s\n", $2, $3 + $4, first }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# RUNS runs of a measurement; $1 "fresh" (a new folder each run) or "current" (one folder, migrated by a warm-up)
series() {
  local state="$1" label="$2" results="$work/results" i dir
  shift 2
  : > "$results"
  for ((i = 1; i <= runs; i++)); do
    if [[ "$state" == fresh ]]; then
      dir="$work/fresh-$label-$i"
    else
      dir="$work/current-$label"
    fi
    # distinct snapshot instants, so that every import-inventory is a new job instance
    measure "$dir" "${@//@RUN@/$(printf '%02d' "$i")}" >> "$results"
  done
  printf '| %-58s | %6s | %6s | %6s |\n' "$label" \
    "$(cut -d' ' -f1 "$results" | median) s" "$(cut -d' ' -f2 "$results" | median) s" \
    "$(if grep -q ' -$' "$results"; then echo -; else echo "$(cut -d' ' -f3 "$results" | median) s"; fi)"
}

echo "warming up (the launcher prepares its fast start once per build; not timed)" >&2
measure "$work/warm-up" history > /dev/null
measure "$work/current-history" history > /dev/null
measure "$work/current-import-inventory" import-inventory --dir "$inventory" --as-of 2026-09-01T00:00:00Z > /dev/null

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "Produced by \`jobs/startup-benchmark.sh $runs\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$(dirname "$launcher")" rev-parse --short HEAD 2>/dev/null || echo unknown), launcher $launcher."
echo "Java: $(java -version 2>&1 | head -1); JVM options: ${TRUNKBILL_JAVA_OPTS% "$step_log"}; $(nproc) cores."
echo
echo "| measurement (median of $runs runs, H2 file database) | wall | CPU (user+sys) | to first step |"
echo "|---|---:|---:|---:|"
series fresh "\`history\`, fresh database (Flyway creates the schema)" history
series current "\`history\`, current database" history
series fresh "\`import-inventory\`, fresh database" import-inventory --dir "$inventory" --as-of "2026-10-01T00:@RUN@:00Z"
series current "\`import-inventory\`, current database" import-inventory --dir "$inventory" --as-of "2026-10-15T00:@RUN@:00Z"
echo
echo "Load average (1, 5, 15 min): $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after."
