#!/usr/bin/env bash
# A crashed launcher's restart, timed: starts the local platform on a fresh data directory, has
# 4 clients apply secrets through the gateway for 20 s, kill -9s the launcher mid-load, starts it
# again on the same directory and prints how long until /readyz answers 200.
# Usage: bench/crash-restart.sh [RUNS]   (after mvn -q -DskipTests package)
# JAR=... for another build of the launcher; PORT=... for another gateway port (127.0.0.1 only).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${JAR:-$root/local/target/datadock-local.jar}
port=${PORT:-18081}
runs=${1:-3}
dir=$(mktemp -d /tmp/datadock-crash-XXXXXX)
trap 'rm -rf "$dir"' EXIT

ready() { [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz") == 200 ]]; }

client() {
  local n=0 end=$((SECONDS + 20))
  while ((SECONDS < end)); do
    n=$((n + 1))
    printf 'name: s-%s-%s\nversion: v2alpha\ntype: secret\nsecret:\n  type: key-value\n  data:\n    password: p%s\n' \
      "$1" $((n % 50)) "$n" |
      curl -s -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/yaml' \
        --data-binary @- "http://127.0.0.1:$port/api/v1/resources" || true
  done
}

for run in $(seq "$runs"); do
  rm -rf "${dir:?}"/*
  java -jar "$jar" --data-dir "$dir" --port "$port" >"$dir.first.log" 2>&1 &
  pid=$!
  until ready; do sleep 0.25; done
  token=$(cat "$dir/admin-token")
  for c in 1 2 3 4; do client "$c" & done
  sleep 20
  kill -9 "$pid"
  { wait "$pid"; } 2>/dev/null || true
  wait
  started=$(date +%s.%N)
  java -jar "$jar" --data-dir "$dir" --port "$port" >"$dir.restart.log" 2>&1 &
  pid=$!
  until ready; do sleep 0.25; done
  echo "run $run: restart -> /readyz 200 in $(echo "$(date +%s.%N) - $started" | bc) s" \
    "(load average $(cut -d' ' -f1 /proc/loadavg))"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
rm -f "$dir.first.log" "$dir.restart.log"
