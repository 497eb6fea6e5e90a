#!/usr/bin/env bash
# Checks, in a real headless browser (Debian's chromium), that each label of the link drawing in an
# offbook HTML report lies on its own link: the link nearest to the label's box must be the one it
# labels, and within NEAR pixels of it. Labels that sit nearer another link are the misleading kind
# (issue 20: a rule of one company shown on another company's line).
#
# Usage: scripts/check-labels.sh REPORT.html
#   NEAR=16 ...   how close (CSS pixels) a label's own link must pass to its box (default 16)
# Prints one line per misplaced label and a summary; exit 0 all on their own link, 1 some are not,
# 2 usage or missing tool. The report itself is not changed: a copy without its content security
# policy, with the measuring script added, is loaded.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 REPORT.html" >&2
    exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "check-labels: $chromium not found; install Debian's chromium with:" >&2
    echo "    apt-get update && apt-get install -y chromium" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
near=${NEAR:-16}

# each label is written inside its link's group (g.edge: the path, the label box, the text), so a
# label is paired with its link by the markup itself; every drawing (svg.graph) is measured
python3 - "$1" "$work/page.html" "$near" <<'EOF_PY'
import re, sys
src, dst, near = sys.argv[1], sys.argv[2], sys.argv[3]
html = open(src, encoding="utf-8").read()
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
probe = """<script>
(function () {
  var NEAR = %s;
  // drawings folded in <details> (one per company, in large reports) are opened to be measured
  Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  var bad = [], count = 0, drawings = 0;
  var loose = document.querySelectorAll('svg.graph text.elabel').length - document.querySelectorAll('svg.graph g.edge text.elabel').length;
  if (loose !== 0) { bad.push(loose + ' labels outside a link group'); }
  Array.prototype.forEach.call(document.querySelectorAll('svg.graph'), function (svg) {
    drawings++;
    var edges = Array.prototype.slice.call(svg.querySelectorAll('g.edge'));
    var pts = edges.map(function (g) {
      var p = g.querySelector('path'), n = p.getTotalLength(), out = [];
      for (var i = 0; i <= 400; i++) { var q = p.getPointAtLength(n * i / 400); out.push([q.x, q.y]); }
      return out;
    });
    function dist(box, ps) {
      var best = Infinity;
      ps.forEach(function (q) {
        var dx = Math.max(box.x - q[0], 0, q[0] - (box.x + box.width));
        var dy = Math.max(box.y - q[1], 0, q[1] - (box.y + box.height));
        best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
      });
      return best;
    }
    edges.forEach(function (g, k) {
      var t = g.querySelector('text.elabel');
      if (!t) { bad.push('link ' + g.dataset.from + ' -> ' + g.dataset.to + ' has no label'); return; }
      count++;
      var box = t.getBBox(), own = dist(box, pts[k]), nearest = k, nd = own;
      pts.forEach(function (ps, j) { if (j !== k) { var d = dist(box, ps); if (d < nd || (d === 0 && nd === 0)) { nd = d; nearest = j; } } });
      if (own > NEAR || nearest !== k) {
        var e = g.dataset, o = edges[nearest].dataset;
        bad.push(JSON.stringify(t.textContent) + ' of ' + e.from + ' -> ' + e.to + ': ' + own.toFixed(1) + ' px from its link'
          + (nearest !== k ? ', ' + (nd === 0 ? 'also on ' : 'nearer ') + o.from + ' -> ' + o.to + ' (' + nd.toFixed(1) + ' px)' : ''));
      }
    });
  });
  var pre = document.createElement('pre');
  pre.id = 'label-check';
  pre.textContent = 'LABELS ' + count + ' MISPLACED ' + bad.length + ' DRAWINGS ' + drawings + '\\n' + bad.join('\\n');
  document.body.appendChild(pre);
})();
</script>""" % near
html = html.replace("</body>", probe + "\n</body>")
open(dst, "w", encoding="utf-8").write(html)
EOF_PY

timeout 300 "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$work/profile" --virtual-time-budget=10000 --window-size=1400,2600 \
    --dump-dom "file://$work/page.html" >"$work/dom.html" 2>"$work/err.txt" || {
    echo "check-labels: chromium failed:" >&2
    tail -n 20 "$work/err.txt" >&2
    exit 2
}
python3 - "$work/dom.html" <<'EOF_PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="label-check">(.*?)</pre>', dom, re.S)
if not m:
    print("check-labels: the measuring script did not run", file=sys.stderr)
    sys.exit(2)
text = html.unescape(m.group(1)).strip().split("\n")
head = text[0].split()
for line in text[1:]:
    print("  misplaced: " + line)
print("check-labels: %s labels in %s drawings, %s not on their own link" % (head[1], head[5], head[3]))
sys.exit(1 if int(head[3]) else 0)
EOF_PY
