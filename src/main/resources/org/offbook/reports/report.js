(function () {
  'use strict';
  var doc = document;
  var table = doc.getElementById('findings-table');
  var closedForPrint = [];
  var sortButtons = [];
  // printing: open every <details>; and put the column titles back in place of their sort
  // buttons, which Chrome does not paint in a table header repeated on each page
  window.addEventListener('beforeprint', function () {
    closedForPrint = [];
    // (not the per-company drawings of a large report: the links table is printed instead)
    doc.querySelectorAll('details:not([open]):not(.hood)').forEach(function (d) { closedForPrint.push(d); d.open = true; });
    sortButtons.forEach(function (b) {
      var th = b.parentNode;
      while (b.firstChild) { th.appendChild(b.firstChild); }
      th.removeChild(b);
    });
  });
  window.addEventListener('afterprint', function () {
    closedForPrint.forEach(function (d) { d.open = false; });
    closedForPrint = [];
    sortButtons.forEach(function (b) {
      var th = b.thCell;
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
    });
  });
  if (!table) { doc.documentElement.setAttribute('data-js', 'ready'); return; }
  var bodies = Array.prototype.slice.call(table.tBodies);
  var controls = doc.getElementById('controls');
  var shown = doc.getElementById('shown');
  var noMatch = doc.getElementById('nomatch');
  var family = doc.getElementById('f-family');
  var company = doc.getElementById('f-company');
  var text = doc.getElementById('f-text');
  var sevBoxes = Array.prototype.slice.call(controls.querySelectorAll('input[name=sev]'));
  var stBoxes = Array.prototype.slice.call(controls.querySelectorAll('input[name=status]'));

  function setOpen(b, open) {
    var det = b.rows[1];
    var btn = b.querySelector('button.toggle');
    det.hidden = !open;
    btn.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  bodies.forEach(function (b) {
    var btn = b.querySelector('button.toggle');
    b.classList.add('js');
    btn.hidden = false;
    setOpen(b, false);
    btn.addEventListener('click', function (e) {
      e.stopPropagation();
      setOpen(b, b.rows[1].hidden);
    });
    b.rows[0].addEventListener('click', function () {
      var sel = window.getSelection ? String(window.getSelection()) : '';
      if (sel.length === 0) { setOpen(b, b.rows[1].hidden); }
    });
  });

  function checkedSet(boxes) {
    var s = Object.create(null);
    boxes.forEach(function (x) { if (x.checked) { s[x.value] = true; } });
    return s;
  }
  function apply() {
    var sev = checkedSet(sevBoxes);
    var st = checkedSet(stBoxes);
    var fam = family.value;
    var co = company.value;
    var q = text.value.trim().toLowerCase();
    var n = 0;
    bodies.forEach(function (b) {
      var d = b.dataset;
      var ok = sev[d.sev] === true && st[d.status] === true && (fam === '' || d.family === fam)
        && (co === '' || d.subject === co) && (q === '' || b.textContent.toLowerCase().indexOf(q) >= 0);
      b.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = 'Showing ' + n + ' of ' + bodies.length + ' findings';
    noMatch.hidden = n !== 0;
  }
  controls.hidden = false;
  sevBoxes.concat(stBoxes).forEach(function (x) { x.addEventListener('change', apply); });
  family.addEventListener('change', apply);
  company.addEventListener('change', apply);
  text.addEventListener('input', apply);
  doc.getElementById('f-reset').addEventListener('click', function () {
    sevBoxes.concat(stBoxes).forEach(function (x) { x.checked = true; });
    family.value = '';
    company.value = '';
    text.value = '';
    apply();
  });
  doc.getElementById('f-expand').addEventListener('click', function () {
    bodies.forEach(function (b) { setOpen(b, true); });
  });
  doc.getElementById('f-collapse').addEventListener('click', function () {
    bodies.forEach(function (b) { setOpen(b, false); });
  });

  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var state = { key: '', dir: 1 };
  function compare(key, a, b) {
    var x = a.dataset, y = b.dataset;
    if (key === 'rank') { return Number(x.rank) - Number(y.rank); }
    if (key === 'amount') {
      var hx = x.amount !== '', hy = y.amount !== '';
      if (hx !== hy) { return hx ? 1 : -1; }
      if (!hx) { return 0; }
      if (x.ccy !== y.ccy) { return x.ccy < y.ccy ? -1 : 1; }
      return Number(x.amount) - Number(y.amount);
    }
    return String(x[key]).localeCompare(String(y[key]), 'en', { numeric: true, sensitivity: 'base' });
  }
  function sortBy(key) {
    var dir = state.key === key ? -state.dir : (key === 'rank' || key === 'amount' ? -1 : 1);
    state = { key: key, dir: dir };
    var order = bodies.slice().sort(function (a, b) {
      var c = compare(key, a, b) * dir;
      return c !== 0 ? c : Number(a.dataset.idx) - Number(b.dataset.idx);
    });
    order.forEach(function (b) { table.appendChild(b); });
    heads.forEach(function (th) {
      if (th.dataset.key === key) {
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
      } else if (th.dataset.key) {
        th.removeAttribute('aria-sort');
      }
    });
  }
  heads.forEach(function (th) {
    var key = th.dataset.key;
    if (!key) { return; }
    var btn = doc.createElement('button');
    btn.type = 'button';
    btn.className = 'sort';
    btn.title = 'Sort by ' + th.textContent.toLowerCase();
    while (th.firstChild) { btn.appendChild(th.firstChild); }
    th.appendChild(btn);
    btn.thCell = th;
    sortButtons.push(btn);
    btn.addEventListener('click', function () { sortBy(key); });
  });
  apply();
  doc.documentElement.setAttribute('data-js', 'ready');
})();
