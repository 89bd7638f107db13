#!/usr/bin/env bash
# Runs the JMH suite and keeps its results.
#
#   benchmarks/run.sh [--name NAME] [JMH ARGS...]
#
# Builds benchmarks/target/benchmarks.jar if it is missing or older than the sources of the
# modules it measures, then runs it with JSON output into benchmarks/results/DATE-NAME.json and
# a text file DATE-NAME.txt beside it: the command, the commit, the machine and JMH's console
# output. NAME defaults to the short commit id (with -dirty if tracked files have changes).
# Every other argument goes to JMH unchanged, for example:
#
#   benchmarks/run.sh -f 1 -wi 3 -w 2s -i 5 -r 2s 'crypto'
#   benchmarks/run.sh --name verify-only 'Ed25519Benchmark.verify'
#   benchmarks/run.sh -prof gc 'TransactionDecoderBenchmark'
#
# 'benchmarks/run.sh -h' prints JMH's options; '-l' lists the benchmarks.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmarks.jar"
results="$here/results"

name=""
if [[ "${1:-}" == "--name" ]]; then
  [[ $# -ge 2 ]] || { echo "run.sh: --name needs a value" >&2; exit 2; }
  name="$2"
  shift 2
fi

java="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
fi

# Rebuild when the jar is missing or any source or POM it is built from is newer.
stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$root/pom.xml" "$root/benchmarks" "$root/crypto" "$root/protocol" "$root/storage" "$root/consensus" \
    -path '*/target' -prune -o -newer "$jar" -type f \( -name '*.java' -o -name '*.proto' \
    -o -name 'pom.xml' \) -print -quit)" ]]
}
if stale; then
  echo "run.sh: building $jar" >&2
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
fi

# Options that only print something need no result files.
for arg in "$@"; do
  case "$arg" in
    -h | -help | --help | -l | -lp | -lprof | -lrf)
      exec "$java" -jar "$jar" "$@"
      ;;
  esac
done

commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
  commit="$commit-dirty"
fi
[[ -n "$name" ]] || name="$commit"
if [[ ! "$name" =~ ^[A-Za-z0-9._-]+$ ]]; then
  echo "run.sh: --name may use only letters, digits, '.', '_' and '-'" >&2
  exit 2
fi

mkdir -p "$results"
stem="$results/$(date +%Y-%m-%d)-$name"
if [[ -e "$stem.json" ]]; then
  n=2
  while [[ -e "$stem-$n.json" ]]; do n=$((n + 1)); done
  stem="$stem-$n"
fi

{
  printf '# command: benchmarks/run.sh'
  printf ' %q' "$@"
  printf '\n# commit:  %s\n' "$commit"
  printf '# date:    %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '# cpu:     %s (nproc %s)\n' \
    "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)" "$(nproc)"
  printf '# java:    %s\n' "$("$java" -version 2>&1 | head -n 1)"
  printf '# load:    %s\n' "$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} >"$stem.txt"
cat "$stem.txt"

status=0
"$java" -jar "$jar" -rf json -rff "$stem.json" "$@" 2>&1 | tee -a "$stem.txt" || status=$?
if [[ "$status" -ne 0 ]]; then
  # JMH allows one run per machine (/tmp/jmh.lock): never force a second one, it would
  # share the cores with the first and spoil both.
  echo "run.sh: JMH failed with status $status; its output is in ${stem#"$root"/}.txt" >&2
else
  echo "run.sh: results in ${stem#"$root"/}.json and .txt" >&2
fi
exit "$status"
