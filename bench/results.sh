#!/usr/bin/env bash
# Regenerates docs/benchmark-results.md: builds the current code and the baseline commit (the
# first line of bench/BASELINE, or $1), runs the apply benchmark on both, back to back on this
# machine with the same harness (the current bench classes ahead of the baseline's jar), and
# writes the table with the date, the cores, the load average and the ratios.
# Usage: bench/results.sh [BASELINE_REF] [-- benchmark options, e.g. --seconds 15 --clients 64]
# ROUNDS=2 bench/results.sh alternates baseline and current twice (the table shows the means).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ref=$(head -1 bench/BASELINE)
if [[ $# -gt 0 && $1 != -- ]]; then ref=$1; shift; fi
[[ ${1:-} == -- ]] && shift
sha=$(git rev-parse --short "$ref")
out=bench/target/results
base_jar=$out/baseline-$sha.jar
mkdir -p "$out"

mvn -B -ntp -q -DskipTests package -pl bench -am
if [[ ! -f $base_jar ]]; then
  tree=$(mktemp -d)
  git worktree add -q --detach "$tree" "$sha"
  (cd "$tree" && mvn -B -ntp -q -DskipTests package -pl bench -am)
  cp "$tree/bench/target/datadock-bench.jar" "$base_jar"
  git worktree remove --force "$tree"
fi

rounds=${ROUNDS:-1}
filter() { grep -v '^[0-9:.]* \(INFO\|WARN\|DEBUG\|ERROR\)' || true; }
# The load average a run records is the one before it starts, and the previous run's own threads
# keep it high for minutes after it ends (9 on an otherwise idle machine): wait, at most three
# minutes, until it is below 1.5, so that a high figure in the table means other work.
quiet() {
  for _ in $(seq 36); do
    awk -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { exit !(l < 1.5) }' && return
    sleep 5
  done
}
for round in $(seq 1 "$rounds"); do
  quiet
  echo "== round $round: baseline $sha (load average $(cut -d' ' -f1 /proc/loadavg))"
  java -cp "bench/target/classes:$base_jar" io.datadock.bench.ApplyBenchmark \
    --out "$out/baseline-$round.properties" "$@" 2>/dev/null | filter
  quiet
  echo "== round $round: current $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)') (load average $(cut -d' ' -f1 /proc/loadavg))"
  java -jar bench/target/datadock-bench.jar \
    --out "$out/current-$round.properties" "$@" 2>/dev/null | filter
done
java -cp bench/target/classes io.datadock.bench.ResultTable "$sha" "$out" "$rounds" \
  docs/benchmark-results.md
cat docs/benchmark-results.md
