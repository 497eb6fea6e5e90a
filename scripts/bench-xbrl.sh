#!/usr/bin/env bash
# Throughput of the XBRL reader in a warm JVM on the SEC samples (docs/performance.md, "XBRL reader"):
# every file read W times (warm-up), then R measured times; median per file, MB/s of document text.
#   scripts/bench-xbrl.sh [DIR] [W] [R]     (default: src/test/resources/sec/ixbrl 10 15)
set -euo pipefail
cd "$(dirname "$0")/.."
./offbook --version > /dev/null            # builds the jar if needed
exec java -XX:+UseParallelGC -cp target/offbook-all.jar:target/offbook-bench.jar org.offbook.bench.XbrlBench "${1:-src/test/resources/sec/ixbrl}" "${2:-10}" "${3:-15}"
