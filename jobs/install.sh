#!/usr/bin/env bash
# Installs a trunkbill release layout into a prefix (default /opt/trunkbill):
#   PREFIX/trunkbill            the launcher (a release layout never builds: it runs lib/trunkbill.jar as it is)
#   PREFIX/lib/trunkbill.jar    the application
#   PREFIX/jobs/                run-job.sh, the parameter files (*.env), crontab, systemd/, kubernetes/
#   PREFIX/docs/, README.md     the documentation, when present
# Usage: jobs/install.sh [--prefix DIR] [--jar FILE]     (FILE default: target/trunkbill.jar; build it first with
#        ./mvnw -DskipTests package on a build machine: this script never builds)
# Upgrading: the jar and the launcher are replaced (atomically: a job already running keeps its jar); a parameter
# file edited since the last install is kept and the shipped one is written beside it as NAME.env.new.
# Exit code: 0 installed, 2 bad usage or missing jar.
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix=/opt/trunkbill
jar="$source_dir/target/trunkbill.jar"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (use --prefix DIR, --jar FILE)" >&2; exit 2 ;;
  esac
done
if [[ ! -f "$jar" ]]; then
  echo "install.sh: $jar is missing: build it first with ./mvnw -DskipTests package (or give --jar FILE)" >&2
  exit 2
fi

# copy FROM TO MODE: through a temporary file in the target folder, then rename (never a half-written file)
copy() {
  local tmp
  tmp="$(mktemp "$(dirname "$2")/.install.XXXXXX")"
  cp "$1" "$tmp"
  chmod "$3" "$tmp"
  mv -f "$tmp" "$2"
}

mkdir -p "$prefix/lib" "$prefix/jobs/systemd" "$prefix/jobs/kubernetes"
copy "$jar" "$prefix/lib/trunkbill.jar" 0644
copy "$source_dir/trunkbill" "$prefix/trunkbill" 0755
copy "$source_dir/jobs/run-job.sh" "$prefix/jobs/run-job.sh" 0755
copy "$source_dir/jobs/crontab" "$prefix/jobs/crontab" 0644
for unit in "$source_dir"/jobs/systemd/*; do
  copy "$unit" "$prefix/jobs/systemd/$(basename "$unit")" 0644
done
for manifest in "$source_dir"/jobs/kubernetes/*; do
  copy "$manifest" "$prefix/jobs/kubernetes/$(basename "$manifest")" 0644
done

# parameter files: keep the operator's edits. The copy of the last install (.shipped) tells an edit from an old version.
kept=()
for params in "$source_dir"/jobs/*.env; do
  name="$(basename "$params")"
  target="$prefix/jobs/$name"
  shipped="$prefix/jobs/.shipped/$name"
  mkdir -p "$prefix/jobs/.shipped"
  if [[ -f "$target" ]] && ! cmp -s "$target" "$params" && { [[ ! -f "$shipped" ]] || ! cmp -s "$target" "$shipped"; }; then
    copy "$params" "$target.new" 0644
    kept+=("$name")
  else
    copy "$params" "$target" 0644
  fi
  copy "$params" "$shipped" 0644
done

if [[ -d "$source_dir/docs" ]]; then
  mkdir -p "$prefix/docs"
  cp -R "$source_dir/docs/." "$prefix/docs/"
fi
[[ -f "$source_dir/README.md" ]] && copy "$source_dir/README.md" "$prefix/README.md" 0644

echo "installed trunkbill into $prefix ($(basename "$jar") -> lib/trunkbill.jar)"
for name in "${kept[@]}"; do
  echo "kept your $prefix/jobs/$name; the shipped version is $prefix/jobs/$name.new"
done
