#!/usr/bin/env bash
# Start-up of `offbook check filings` on this machine: median wall time of N runs (default 10)
# in four set-ups, from the project root:
#   cold     plain `java -jar`: no rule-base cache, no class-data-sharing archive
#   rules    plain `java -jar` with the rule-base cache
#   edit     the launcher after a rule edit: CDS archive, rules compiled again (no rule-base cache)
#   cached   the launcher as users run it: rule-base cache and CDS archive
# Prints one line per set-up. The output of every run is compared with the first, so a faster
# path that changed the report would be caught.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
./offbook --version > /dev/null            # builds if needed and makes the CDS archive (a training run)
java=(java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar target/offbook.jar check filings --format json --fail-on never)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export OFFBOOK_CACHE_DIR="$tmp/cache"

measure() { # name, then the command
  local name="$1"; shift
  local times=()
  for i in $(seq "$runs"); do
    local s e
    s=$(date +%s%N)
    "$@" > "$tmp/out.json"
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
    if [ -f "$tmp/first.json" ]; then cmp -s "$tmp/first.json" "$tmp/out.json" || { echo "report differs in $name" >&2; exit 1; }
    else cp "$tmp/out.json" "$tmp/first.json"; fi
  done
  printf '%-7s median %5d ms  (min %d, max %d, %d runs)\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$runs"
}

measure cold env OFFBOOK_CACHE=off "${java[@]}"
"${java[@]}" > /dev/null                    # fill the rule-base cache
measure rules "${java[@]}"
measure edit env OFFBOOK_CACHE=off ./offbook check filings --format json --fail-on never
./offbook check filings --format json --fail-on never > /dev/null
measure cached ./offbook check filings --format json --fail-on never
