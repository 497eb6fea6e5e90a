#!/usr/bin/env bash
# The market benchmark of docs/performance.md: synthetic markets of 100 to 10,000 companies
# (offbook generate), each checked end to end in fresh JVMs and in detail (load throughput, rule
# compilation, evaluation, and the plain-Java baseline on the same facts), with every planted
# finding checked. Prints the tables and writes them to target/bench/results.md (every
# measurement: target/bench/results.json).
#
# Other work on the machine skews every figure (2 cores: one other build doubles the times), so
# the script first waits, up to BENCH_WAIT seconds (default 900), for the 1-minute load average to
# fall below BENCH_MAX_LOAD (default 0.5); the load average of each run is in the tables.
#
# Usage: scripts/bench-market.sh [offbook bench options]
#   scripts/bench-market.sh                          # 100,300,1000,3000,10000 companies, 3 runs each
#   scripts/bench-market.sh --sizes 10000 --profile  # where the time goes (Java Flight Recorder)
#   scripts/bench-market.sh --sizes 10000 --per-rule # each rule alone
set -euo pipefail
cd "$(dirname "$0")/.."
./offbook --version > /dev/null                       # builds the jar if needed
max="${BENCH_MAX_LOAD:-0.5}"
limit="${BENCH_WAIT:-900}"
waited=0
while awk -v max="$max" '{ exit !($1 > max) }' /proc/loadavg 2> /dev/null; do
  if [ "$waited" -ge "$limit" ]; then
    echo "bench-market: load average still $(cut -d' ' -f1 /proc/loadavg) after ${limit} s; measuring anyway" >&2
    break
  fi
  [ "$waited" -eq 0 ] && echo "bench-market: waiting for a quiet machine (load average $(cut -d' ' -f1 /proc/loadavg) > $max)" >&2
  sleep 10
  waited=$((waited + 10))
done
mkdir -p target/bench
exec ./offbook bench --work target/bench --output target/bench/results.md --json target/bench/results.json "$@"
