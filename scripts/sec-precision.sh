#!/usr/bin/env bash
# Classification harness for statement findings on a real SEC Financial Statement Data Set
# (issue 18; docs/sec-data.md, "Precision on the 2010 Q2 data set"). Not part of the product jar.
#
# Usage: scripts/sec-precision.sh [DATASET.zip] [--rules DIR]
#   DATASET.zip  default: ../shared/data/sec/fsds-2010q2.zip (the full 2010 Q2 data set)
# Prints two tables on standard output:
#   1. every finding of `offbook check` on a folder holding only that data set: rule, severity,
#      filer (subject and name) and the start of its explanation, sorted by rule then filer, for
#      classification by hand (meaningful, tagging artefact, immaterial, one-off);
#   2. the share of the 10-K and 10-Q submissions with at least one value of a concept the
#      concept table maps to revenue, operating income and interest expense (undimensioned, or
#      tagged with the parent or successor member that sec-data.md says is used when the filing
#      gives no undimensioned value), computed from the data set and the table directly.
# Uses the built jar (target/offbook.jar; run ./offbook once to build it), unzip and awk.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
zip="$home/../shared/data/sec/fsds-2010q2.zip"
rules=()
while [ $# -gt 0 ]; do
    case "$1" in
        --rules) rules=(--rules "$2"); shift 2 ;;
        *) zip="$1"; shift ;;
    esac
done
[ -f "$zip" ] || { echo "sec-precision: no data set at $zip" >&2; exit 2; }
[ -f "$home/target/offbook.jar" ] || { echo "sec-precision: build first (./offbook --version)" >&2; exit 2; }
concepts="$home/rules/sec-concepts.csv"
[ ${#rules[@]} -eq 0 ] || concepts="${rules[1]}/sec-concepts.csv"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in/sec"
cp "$zip" "$work/in/sec/"
export OFFBOOK_CACHE_DIR="${OFFBOOK_CACHE_DIR:-$home/target/rule-cache}"
set +e
(cd "$home" && java -jar target/offbook.jar check "$work/in" ${rules[@]+"${rules[@]}"} --format csv) > "$work/findings.csv" 2> "$work/err.txt"
rc=$?
set -e
if [ $rc -ne 0 ] && [ $rc -ne 4 ]; then
    cat "$work/err.txt" >&2
    echo "sec-precision: check ended with exit $rc" >&2
    exit 1
fi

echo "# findings by rule and filer ($(basename "$zip"))"
python3 - "$work/findings.csv" <<'EOF_PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
rows.sort(key=lambda r: (r['ruleId'], r['subjectName'], r['explanation']))
for r in rows:
    print('\t'.join([r['ruleId'], r['severity'], r['subject'], r['subjectName'], r['explanation'][:200]]))
count = collections.Counter(r['ruleId'] for r in rows)
print('# total %d: %s' % (len(rows), ', '.join('%s %d' % kv for kv in sorted(count.items()))))
EOF_PY

echo
echo "# 10-K/10-Q submissions with a mapped value"
unzip -p "$zip" sub.txt > "$work/sub.txt"
unzip -p "$zip" num.txt > "$work/num.txt"
awk -F'\t' -v OFS='\t' '
    FNR == 1 { file++ }
    file == 1 && FNR > 1 { split($3, c, ":"); if ($1 == "revenue" || $1 == "operatingIncome" || $1 == "interestExpense") field[c[2]] = $1; next }
    file == 2 && FNR == 1 { for (i = 1; i <= NF; i++) sc[$i] = i; next }
    file == 2 { if ($sc["form"] == "10-K" || $sc["form"] == "10-Q") { q[$sc["adsh"]] = 1; n++ }; next }
    file == 3 && FNR == 1 { for (i = 1; i <= NF; i++) nc[$i] = i; next }
    file == 3 {
        t = $nc["tag"]; a = $nc["adsh"]
        if (!(t in field) || !(a in q) || $nc["version"] == a || $nc["value"] == "") next
        seg = $nc["segments"]; co = $nc["coreg"]
        if (seg == "" && co == "") plain[a "|" field[t]] = 1
        if (seg != "" && seg != "LegalEntity=ParentCompany;" && seg != "Scenario=Successor;") next
        if (co != "" && co != "ParentCompany") next
        has[a "|" field[t]] = 1
    }
    END {
        print "field", "undimensioned only", "with parent/successor"
        split("revenue operatingIncome interestExpense", f, " ")
        for (i = 1; i <= 3; i++) {
            m = 0; p = 0
            for (a in q) { if ((a "|" f[i]) in has) m++; if ((a "|" f[i]) in plain) p++ }
            printf "%s\t%d of %d (%.1f%%)\t%d of %d (%.1f%%)\n", f[i], p, n, 100 * p / n, m, n, 100 * m / n
        }
    }' <(tr -d '\r' < "$concepts" | awk -F',' -v OFS='\t' '{ print $1, $2, $3 }') "$work/sub.txt" "$work/num.txt"
