/* report.js: the HTML report's behaviour (src/export-html.c): pan and
 * zoom of the diagram, the paged, sortable, searchable table of facts
 * whose rows open to their evidence, the entity list, and a click on an
 * entity (in the diagram or a table) or on an edge of the diagram
 * filtering the facts.  The data is
 * the JSON in #kg-data; every text goes into the page through
 * textContent, never as HTML. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('kg-data').textContent);
  var N = D.nodes, F = D.facts, DOCS = D.documents;
  var PAGE = 100;
  var byId = {};
  N.forEach(function (n, i) { byId[n.id] = i; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* ---- facts ---- */
  var COLS = [
    ['s', 'subject'], ['p', 'predicate'], ['r', 'relation'], ['o', 'object'], ['w', 'weight'], ['c', 'confidence'],
    ['pol', 'polarity'], ['mod', 'modality'], ['by', 'attribution'], ['time', 'time'], ['place', 'place']
  ];
  function cell(f, k) {
    if (k === 's' || k === 'o') return N[f[k]].label;
    if (k === 'by') return f.by >= 0 ? N[f.by].label : '';
    return f[k] == null ? '' : String(f[k]);
  }
  var hay = F.map(function (f) {
    return [cell(f, 's'), f.p, f.surface, f.r, cell(f, 'o'), cell(f, 'by'), f.time, f.place, f.pol, f.mod]
      .join('\t').toLowerCase();
  });
  /* entity: a node's index or -1; pair: [subject, object] of a clicked edge */
  var facts = { query: '', entity: -1, pair: null, sort: 'w', dir: -1, page: 0, open: {}, rows: [] };

  function filterFacts() {
    var q = facts.query.toLowerCase().trim(), out = [];
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      if (facts.entity >= 0 && f.s !== facts.entity && f.o !== facts.entity && f.by !== facts.entity) continue;
      if (facts.pair && (f.s !== facts.pair[0] || f.o !== facts.pair[1])) continue;
      if (q && hay[i].indexOf(q) < 0) continue;
      out.push(i);
    }
    var k = facts.sort, d = facts.dir, numeric = k === 'w' || k === 'c';
    var keys = {};
    out.forEach(function (i) { keys[i] = numeric ? F[i][k] : cell(F[i], k).toLowerCase(); });
    out.sort(function (a, b) {
      var u = keys[a], v = keys[b];
      return u < v ? -d : u > v ? d : a - b;
    });
    facts.rows = out;
  }

  /* The sentence with the words of the fact's subject and object marked. */
  function highlighted(text, f) {
    var terms = [];
    [f.s, f.o].forEach(function (n) {
      terms.push(N[n].label);
      N[n].aliases.forEach(function (a) { terms.push(a[0]); });
    });
    var lower = text.toLowerCase(), ranges = [];
    terms.forEach(function (t) {
      t = t.toLowerCase();
      if (t.length < 2) return;
      for (var at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) ranges.push([at, at + t.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var span = el('span', 'sentence'), pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      span.appendChild(document.createTextNode(text.slice(pos, r[0])));
      span.appendChild(el('mark', null, text.slice(r[0], r[1])));
      pos = r[1];
    });
    span.appendChild(document.createTextNode(text.slice(pos)));
    return span;
  }

  function evidenceRow(f) {
    var tr = el('tr', 'evidence'), td = el('td');
    td.colSpan = COLS.length;
    var ul = el('ul');
    f.ev.forEach(function (e) {
      var doc = DOCS[e[0]], li = el('li');
      li.appendChild(el('span', 'doc', (doc.title ? doc.title + ' — ' : '') + doc.id + ', sentence ' + e[1] +
                        ' [' + e[2] + '–' + e[3] + ']' + (doc.date ? ', ' + doc.date : '') + ': '));
      li.appendChild(e[4] ? highlighted(e[4], f) : el('em', null, '(no sentence)'));
      var q = [];
      if (e[5]) q.push('time: ' + e[5]);
      if (e[6]) q.push('place: ' + e[6]);
      if (q.length) li.appendChild(el('span', 'doc', ' (' + q.join('; ') + ')'));
      ul.appendChild(li);
    });
    if (f.by >= 0) td.appendChild(el('div', 'doc', 'according to ' + N[f.by].label));
    td.appendChild(ul);
    tr.appendChild(td);
    return tr;
  }

  function entityLink(n) {
    var a = el('span', 'entity-link', N[n].label);
    a.dataset.node = n;
    return a;
  }

  function renderFacts() {
    var table = document.getElementById('facts');
    var head = table.tHead, body = table.tBodies[0];
    if (!head.rows.length) {
      var hr = head.insertRow();
      COLS.forEach(function (c) {
        var th = el('th', null, c[1]);
        th.dataset.key = c[0];
        hr.appendChild(th);
      });
    }
    Array.prototype.forEach.call(head.rows[0].cells, function (th) {
      th.className = th.dataset.key === facts.sort ? (facts.dir > 0 ? 'sorted-up' : 'sorted-down') : '';
    });
    var pages = Math.max(1, Math.ceil(facts.rows.length / PAGE));
    facts.page = Math.min(facts.page, pages - 1);
    body.textContent = '';
    facts.rows.slice(facts.page * PAGE, (facts.page + 1) * PAGE).forEach(function (i) {
      var f = F[i], tr = el('tr', 'fact' + (f.pol === 'negative' ? ' negative' : '') + (facts.open[i] ? ' open' : ''));
      tr.dataset.fact = i;
      COLS.forEach(function (c) {
        var td = el('td', c[0] + (c[0] === 'w' || c[0] === 'c' ? ' num' : ''));
        if (c[0] === 's' || c[0] === 'o' || (c[0] === 'by' && f.by >= 0)) td.appendChild(entityLink(f[c[0]]));
        else td.textContent = cell(f, c[0]);
        tr.appendChild(td);
      });
      body.appendChild(tr);
      if (facts.open[i]) body.appendChild(evidenceRow(f));
    });
    document.getElementById('count').textContent =
      facts.rows.length + (facts.rows.length === 1 ? ' fact' : ' facts') +
      (facts.rows.length === F.length ? '' : ' of ' + F.length);
    pager(document.getElementById('facts-pager'), facts, pages, renderFacts);
    var chip = document.getElementById('entity-filter');
    chip.hidden = facts.entity < 0 && !facts.pair;
    chip.textContent = '';
    if (facts.entity >= 0 || facts.pair) {
      chip.appendChild(document.createTextNode(facts.pair
        ? 'facts: ' + N[facts.pair[0]].label + ' → ' + N[facts.pair[1]].label + ' '
        : 'entity: ' + N[facts.entity].label + ' '));
      var x = el('button', null, '×');
      x.type = 'button';
      x.id = 'clear-entity';
      x.title = 'show every entity';
      x.addEventListener('click', function () { selectEntity(-1); });
      chip.appendChild(x);
    }
  }

  function pager(div, state, pages, render) {
    div.textContent = '';
    var prev = el('button', 'prev', '‹ previous'), next = el('button', 'next', 'next ›');
    prev.type = next.type = 'button';
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener('click', function () { state.page--; render(); });
    next.addEventListener('click', function () { state.page++; render(); });
    div.appendChild(prev);
    div.appendChild(el('span', 'page', 'page ' + (state.page + 1) + ' of ' + pages + ' '));
    div.appendChild(next);
  }

  document.getElementById('facts').addEventListener('click', function (event) {
    var link = event.target.closest('.entity-link');
    if (link) { selectEntity(+link.dataset.node); return; }
    var th = event.target.closest('th');
    if (th) {
      if (facts.sort === th.dataset.key) facts.dir = -facts.dir;
      else { facts.sort = th.dataset.key; facts.dir = th.dataset.key === 'w' || th.dataset.key === 'c' ? -1 : 1; }
      filterFacts();
      renderFacts();
      return;
    }
    var tr = event.target.closest('tr.fact');
    if (tr) {
      var i = +tr.dataset.fact;
      if (facts.open[i]) delete facts.open[i]; else facts.open[i] = true;
      renderFacts();
    }
  });
  var searchTimer;
  document.getElementById('search').addEventListener('input', function (event) {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      facts.query = event.target.value;
      facts.page = 0;
      filterFacts();
      renderFacts();
    }, F.length > 5000 ? 200 : 0);
  });

  function selectEntity(n, pair) {
    facts.entity = n;
    facts.pair = pair || null;
    facts.page = 0;
    filterFacts();
    renderFacts();
    Array.prototype.forEach.call(document.querySelectorAll('#diagram g.node'), function (g) {
      g.classList.toggle('selected', n >= 0 && byId[g.id] === n);
    });
    if (n >= 0 || pair) document.getElementById('facts-section').scrollIntoView({ block: 'start' });
  }

  /* ---- entities ---- */
  var ents = { query: '', page: 0, rows: [] };
  var degree = N.map(function () { return 0; });
  F.forEach(function (f) { degree[f.s]++; degree[f.o]++; });
  function filterEntities() {
    var q = ents.query.toLowerCase().trim();
    ents.rows = [];
    N.forEach(function (n, i) {
      if (!q || (n.label + '\t' + n.type + '\t' + n.aliases.map(function (a) { return a[0]; }).join('\t'))
        .toLowerCase().indexOf(q) >= 0) ents.rows.push(i);
    });
    ents.rows.sort(function (a, b) { return degree[b] - degree[a] || N[b].mentions - N[a].mentions || a - b; });
  }
  function renderEntities() {
    var table = document.getElementById('entities'), head = table.tHead, body = table.tBodies[0];
    if (!head.rows.length) {
      var hr = head.insertRow();
      ['entity', 'type', 'mentions', 'facts', 'aliases (rule that merged each)'].forEach(function (t) {
        hr.appendChild(el('th', null, t));
      });
    }
    var pages = Math.max(1, Math.ceil(ents.rows.length / PAGE));
    ents.page = Math.min(ents.page, pages - 1);
    body.textContent = '';
    ents.rows.slice(ents.page * PAGE, (ents.page + 1) * PAGE).forEach(function (i) {
      var n = N[i], tr = el('tr', 'entity');
      var td = el('td');
      td.appendChild(entityLink(i));
      tr.appendChild(td);
      td = el('td');
      td.appendChild(el('span', 'type type-' + n.type, n.type));
      tr.appendChild(td);
      tr.appendChild(el('td', 'num', String(n.mentions)));
      tr.appendChild(el('td', 'num', String(degree[i])));
      td = el('td');
      n.aliases.forEach(function (a, k) {
        if (k) td.appendChild(document.createTextNode('; '));
        td.appendChild(document.createTextNode(a[0] + ' '));
        td.appendChild(el('span', 'rule', '(' + a[1] + (a[2] > 1 ? ', ' + a[2] + '×' : '') + ')'));
      });
      tr.appendChild(td);
      body.appendChild(tr);
    });
    document.getElementById('entity-count').textContent = ents.rows.length + ' of ' + N.length + ' entities';
    pager(document.getElementById('entities-pager'), ents, pages, renderEntities);
  }
  document.getElementById('entities').addEventListener('click', function (event) {
    var link = event.target.closest('.entity-link');
    if (link) selectEntity(+link.dataset.node);
  });
  document.getElementById('entity-search').addEventListener('input', function (event) {
    ents.query = event.target.value;
    ents.page = 0;
    filterEntities();
    renderEntities();
  });

  /* ---- the diagram: pan, zoom, click ---- */
  var box = document.getElementById('diagram'), svg = box.querySelector('svg');
  if (svg) {
    var vb = svg.getAttribute('viewBox').split(/[\s,]+/).map(Number), home = vb.slice();
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    var setBox = function () { svg.setAttribute('viewBox', vb.join(' ')); };
    var zoom = function (factor, cx, cy) {
      var r = svg.getBoundingClientRect();
      var fx = cx == null ? 0.5 : (cx - r.left) / r.width, fy = cy == null ? 0.5 : (cy - r.top) / r.height;
      var w = vb[2] * factor, h = vb[3] * factor;
      vb = [vb[0] + (vb[2] - w) * fx, vb[1] + (vb[3] - h) * fy, w, h];
      setBox();
    };
    box.addEventListener('wheel', function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, event.clientX, event.clientY);
    }, { passive: false });
    document.getElementById('zoom-in').addEventListener('click', function () { zoom(0.8); });
    document.getElementById('zoom-out').addEventListener('click', function () { zoom(1.25); });
    document.getElementById('zoom-reset').addEventListener('click', function () { vb = home.slice(); setBox(); });
    var drag = null, moved = false;
    box.addEventListener('mousedown', function (event) {
      drag = [event.clientX, event.clientY, vb[0], vb[1]];
      moved = false;
    });
    window.addEventListener('mousemove', function (event) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      var scale = Math.max(vb[2] / r.width, vb[3] / r.height);
      var dx = event.clientX - drag[0], dy = event.clientY - drag[1];
      if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; box.classList.add('dragging'); }
      vb[0] = drag[2] - dx * scale;
      vb[1] = drag[3] - dy * scale;
      setBox();
    });
    window.addEventListener('mouseup', function () { drag = null; box.classList.remove('dragging'); });
    box.addEventListener('click', function (event) {
      if (moved) return;
      var g = event.target.closest('g.node');
      if (g && byId[g.id] != null) {
        event.preventDefault();
        selectEntity(byId[g.id]);
        return;
      }
      /* an edge's title is "TAIL->HEAD", the ids of its nodes */
      var e = event.target.closest('g.edge'), title = e && e.querySelector('title');
      var ends = title ? title.textContent.split('->') : [];
      if (ends.length === 2 && byId[ends[0]] != null && byId[ends[1]] != null) {
        event.preventDefault();
        selectEntity(-1, [byId[ends[0]], byId[ends[1]]]);
      }
    });
  }

  filterFacts();
  renderFacts();
  filterEntities();
  renderEntities();
})();
