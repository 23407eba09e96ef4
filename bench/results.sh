#!/usr/bin/env bash
# Regenerates docs/benchmark-results.md: builds the current code and the baseline commit (the
# first line of bench/BASELINE, or $1), runs the apply benchmark on both, back to back on this
# machine with the same harness (the current bench classes ahead of the baseline's jar), and
# writes the table with the date, the cores, the load average and the ratios.
# Usage: bench/results.sh [BASELINE_REF] [-- benchmark options, e.g. --seconds 15 --clients 64]
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

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (figures are noise above ~1.5 on 2 cores)"
echo "== baseline $sha"
java -cp "bench/target/classes:$base_jar" io.datadock.bench.ApplyBenchmark \
  --out "$out/baseline.properties" "$@" 2>/dev/null | grep -v '^[0-9:.]* \(INFO\|WARN\|DEBUG\)'
echo "== current $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')"
java -jar bench/target/datadock-bench.jar \
  --out "$out/current.properties" "$@" 2>/dev/null | grep -v '^[0-9:.]* \(INFO\|WARN\|DEBUG\)'
java -cp bench/target/classes io.datadock.bench.ResultTable "$sha" \
  "$out/baseline.properties" "$out/current.properties" docs/benchmark-results.md
cat docs/benchmark-results.md
