#!/usr/bin/env bash
# Start-up of `offbook check filings` on this machine: median wall time of N runs (default 10)
# in four set-ups, from the project root:
#   cold     plain `java -jar`: no rule cache, no class-data-sharing archive (nothing prepared)
#   compile  the launcher (CDS archive) with no rule cache: every rule package compiled
#   edit     the launcher after a rule author edits one DRL file: its package compiled, the rest cached
#   cached   the launcher as users run it: nothing changed since the last run
# Prints one line per set-up. The report of every run is compared with the first, so a faster
# path that changed the report would be caught.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
./offbook --version > /dev/null            # builds if needed and makes the CDS archive (a training run)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export OFFBOOK_CACHE_DIR="$tmp/cache"
cp -r rules "$tmp/rules"
args=(check filings --rules "$tmp/rules" --format json --fail-on never)

measure() { # name, then the command
  local name="$1"; shift
  local times=()
  for i in $(seq "$runs"); do
    [ "$name" = edit ] && echo "// edit $i" >> "$tmp/rules/cover/COVER-001.drl"
    local s e
    s=$(date +%s%N)
    "$@" > "$tmp/out.json"
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
    if [ -f "$tmp/first.json" ]; then cmp -s "$tmp/first.json" "$tmp/out.json" || { echo "report differs in $name" >&2; exit 1; }
    else cp "$tmp/out.json" "$tmp/first.json"; fi
  done
  printf '%-8s median %5d ms  (min %d, max %d, %d runs)\n' "$name" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}')" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" "$(printf '%s\n' "${times[@]}" | sort -n | tail -1)" "$runs"
}

measure cold env OFFBOOK_CACHE=off java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -jar target/offbook-all.jar "${args[@]}"
measure compile env OFFBOOK_CACHE=off ./offbook "${args[@]}"
./offbook "${args[@]}" > /dev/null          # fill the rule cache
measure edit ./offbook "${args[@]}"
measure cached ./offbook "${args[@]}"
