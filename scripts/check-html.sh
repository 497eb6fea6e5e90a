#!/usr/bin/env bash
# Checks an offbook HTML report in a real headless browser (Debian's chromium):
#   1. loads it with the network disabled, logging the browser console and the network;
#   2. fails if the page wrote anything to the console (uncaught errors, CSP violations,
#      failed loads: the report never logs on its own), if it tried to fetch anything from the
#      network, or if its script did not run to the end (it marks <html data-js="ready">);
#   3. takes a screenshot.
#
# Usage: scripts/check-html.sh REPORT.html OUT.png
#   WINDOW=1400,2600 scripts/check-html.sh ...   screenshot size in CSS pixels (default 1400,2600)
#   KEEP=1 ...                                    keep the browser logs (their folder is printed)
# Needs chromium and python3. Install chromium with:
#   apt-get update && apt-get install -y chromium
# Exit: 0 ok, 1 the page failed a check, 2 usage or missing tool.
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: $0 REPORT.html OUT.png" >&2
    exit 2
fi
report=$1
png=$2
if [ ! -f "$report" ]; then
    echo "check-html: no such file: $report" >&2
    exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "check-html: $chromium not found; install Debian's chromium with:" >&2
    echo "    apt-get update && apt-get install -y chromium" >&2
    exit 2
fi
if ! command -v python3 >/dev/null; then
    echo "check-html: python3 is needed to read the browser's network log" >&2
    exit 2
fi

url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
work=$(mktemp -d)
cleanup() {
    if [ "${KEEP:-0}" = 1 ]; then
        echo "check-html: logs kept in $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

run_chromium() { # $1 = name for the logs, rest = extra flags
    local name=$1
    shift
    # the browser's own background traffic is switched off as far as flags allow; what remains is
    # told apart from the page's in the network log (its initiator is "not an origin")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
        --disable-default-apps --no-default-browser-check --hide-scrollbars \
        --user-data-dir="$(mktemp -d -p "$work")" \
        --enable-logging=stderr --v=0 --virtual-time-budget=5000 \
        --log-net-log="$work/$name.netlog.json" --net-log-capture-mode=Default \
        "$@" "$url" >"$work/$name.out" 2>"$work/$name.err" || {
        echo "check-html: chromium failed ($name); its log:" >&2
        tail -n 20 "$work/$name.err" >&2
        exit 1
    }
}

run_chromium dom --dump-dom
run_chromium shot --screenshot="$png" --window-size="${WINDOW:-1400,2600}"

failed=0
# 1. console: every console message, CSP report and uncaught exception is logged as CONSOLE
if grep -h 'CONSOLE' "$work/dom.err" "$work/shot.err" >"$work/console.txt"; then
    echo "check-html: FAIL: the page wrote to the browser console:" >&2
    sed 's/^\[[^]]*\] */    /' "$work/console.txt" | sort -u >&2
    failed=1
fi
if grep -h -E 'Uncaught|Refused to|violates the following Content Security Policy' "$work/dom.err" "$work/shot.err" \
    | grep -v CONSOLE >"$work/uncaught.txt"; then
    echo "check-html: FAIL: script or policy errors:" >&2
    sort -u "$work/uncaught.txt" >&2
    failed=1
fi

# 2. network: any request the page made (anything but file:, data:, blob:, about:)
if ! python3 - "$work/dom.netlog.json" "$work/shot.netlog.json" >"$work/net.txt" <<'EOF'; then
import json, sys
bad = set()
for path in sys.argv[1:]:
    try:
        with open(path) as fh:
            text = fh.read()
        try:
            log = json.loads(text)
        except ValueError:  # a log cut short when the browser exits: close it and retry
            log = json.loads(text.rstrip().rstrip(",") + "]}")
    except (OSError, ValueError) as e:
        print("cannot read network log %s: %s" % (path, e))
        sys.exit(1)
    # group by request: the browser's own requests have no initiating origin ("not an origin"),
    # the page's have one ("null" for a file: page) or a file: network isolation key
    urls, page = {}, set()
    for ev in log.get("events", []):
        src = (ev.get("source") or {}).get("id")
        p = ev.get("params") or {}
        if p.get("url"):
            urls.setdefault(src, set()).add(p["url"])
        init = p.get("initiator")
        if (init is not None and init != "not an origin") or "file://" in str(p.get("network_isolation_key", "")):
            page.add(src)
    for src in page:
        for url in urls.get(src, ()):
            if url.split(":", 1)[0] not in ("file", "data", "blob", "about", "chrome", "devtools"):
                bad.add(url)
for u in sorted(bad):
    print(u)
sys.exit(1 if bad else 0)
EOF
    echo "check-html: FAIL: the page made network requests:" >&2
    sed 's/^/    /' "$work/net.txt" >&2
    failed=1
fi

# 3. the script ran to the end
if ! grep -q 'data-js="ready"' "$work/dom.out"; then
    echo "check-html: FAIL: the page's script did not finish (no data-js=\"ready\" in the DOM)" >&2
    failed=1
fi
if [ ! -s "$png" ]; then
    echo "check-html: FAIL: no screenshot written to $png" >&2
    failed=1
fi

if [ "$failed" -ne 0 ]; then
    exit 1
fi
shown=$(grep -o 'id="shown"[^>]*>[^<]*' "$work/dom.out" | sed 's/.*>//' || true)
echo "check-html: OK: $report renders with no console errors and no network requests${shown:+ ($shown)}; screenshot: $png"
