#!/usr/bin/env node
/* check-report.js: the HTML report in a real browser (used by
 * tests/e2e-report.sh; prints TAP lines "ok - ..." / "not ok - ...").
 *
 *   node check-report.js CHROMIUM REPORT.html SCREENSHOT.png PROFILE_DIR [BIG.html]
 *
 * Starts Debian's chromium headless with a fresh profile and drives it
 * through the DevTools protocol over a pipe (--remote-debugging-pipe: JSON
 * messages separated by NUL bytes on file descriptors 3 and 4), so that
 * no module beyond Node's own is needed.  It loads the report, checks the
 * number of table rows against the data in the page, types into the
 * search box, clicks a node of the diagram, opens a row's evidence, and
 * saves a screenshot.  BIG.html, a report of tens of thousands of facts,
 * must load and filter within seconds (the table pages).  When chromium
 * cannot start it prints "skip: ..."
 * and exits 3, which the caller counts as skipped.
 */
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

const [chromium, report, screenshot, profile, big] = process.argv.slice(2);
let failures = 0;
function report_ (ok, description, detail) {
  console.log((ok ? 'ok - ' : 'not ok - ') + description);
  if (!ok && detail !== undefined) console.log('# ' + JSON.stringify(detail).slice(0, 400));
  if (!ok) failures++;
}

const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-extensions', '--disable-sync', '--mute-audio', '--hide-scrollbars', '--disable-dev-shm-usage',
  '--user-data-dir=' + profile, '--remote-debugging-pipe', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
let stderr = '', pipeError = null;
browser.stderr.on('data', (d) => { stderr += d; });
// A browser that is gone closes the pipes: say so where it is awaited.
for (const fd of [3, 4]) browser.stdio[fd].on('error', (e) => { pipeError = e; });

let nextId = 1, buffer = Buffer.alloc(0);
const pending = new Map(), waiters = [], exceptions = [];
browser.stdio[4].on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (let end; (end = buffer.indexOf(0)) >= 0; buffer = buffer.subarray(end + 1)) {
    const message = JSON.parse(buffer.subarray(0, end).toString('utf8'));
    if (message.id && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(JSON.stringify(message.error)));
      else resolve(message.result);
    } else if (message.method) {
      if (message.method === 'Runtime.exceptionThrown') exceptions.push(message.params.exceptionDetails);
      for (let i = waiters.length - 1; i >= 0; i--)
        if (waiters[i].method === message.method) waiters.splice(i, 1)[0].resolve(message.params);
    }
  }
});

function send (method, params, sessionId) {
  const id = nextId++;
  const message = { id, method, params: params || {} };
  if (sessionId) message.sessionId = sessionId;
  browser.stdio[3].write(JSON.stringify(message) + '\0');
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
function event (method) {
  return new Promise((resolve) => waiters.push({ method, resolve }));
}
function timeout (ms, what) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timed out: ' + what)), ms));
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main () {
  let session;
  try {
    const started = new Promise((resolve, reject) => {
      browser.on('error', reject);
      browser.on('exit', (code) => reject(new Error('chromium exited with status ' + code + ': ' +
                                                    (stderr.slice(-300) || (pipeError && pipeError.message)))));
      send('Browser.getVersion').then(resolve, reject);
    });
    const version = await Promise.race([started, timeout(30000, 'chromium start')]);
    console.log('# ' + version.product);
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    ({ sessionId: session } = await send('Target.attachToTarget', { targetId, flatten: true }));
  } catch (e) {
    console.log('skip: chromium cannot start here: ' + e.message);
    browser.kill();
    process.exit(3);
  }
  const call = (method, params) => send(method, params, session);
  const evaluate = async (expression) => {
    const r = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(expression + ': ' + JSON.stringify(r.exceptionDetails).slice(0, 300));
    return r.result.value;
  };
  const click = async (x, y) => {
    for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
      await call('Input.dispatchMouseEvent', { type, x, y, button: type === 'mouseMoved' ? 'none' : 'left', clickCount: 1 });
    await sleep(100);
  };

  await call('Page.enable');
  await call('Runtime.enable');
  await call('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1600, deviceScaleFactor: 1, mobile: false });
  const loaded = event('Page.loadEventFired');
  await call('Page.navigate', { url: 'file://' + fs.realpathSync(report) });
  await Promise.race([loaded, timeout(30000, 'page load')]);

  // The data the page carries, to check the tables against.
  const data = await evaluate('JSON.parse(document.getElementById("kg-data").textContent)');
  const total = data.facts.length;
  const rows = () => evaluate('Array.from(document.querySelectorAll("#facts tbody tr.fact"), ' +
                              'tr => Array.from(tr.cells, td => td.textContent))');
  const count = () => evaluate('document.getElementById("count").textContent');
  let shown = await rows();
  report_(total > 0 && shown.length === Math.min(total, 100), 'the table shows the first ' +
          Math.min(total, 100) + ' of ' + total + ' facts', shown.length);
  report_(await count() === total + ' facts', 'the count says ' + total + ' facts', await count());
  report_(await evaluate('!!document.querySelector("#diagram svg g.node")'), 'the diagram is in the page');
  report_(await evaluate('document.querySelectorAll("#entities tbody tr").length') === Math.min(data.nodes.length, 100),
          'the entity list shows its first page');
  report_(!(await evaluate('Array.from(document.querySelectorAll("script[src], link[href], img[src]")).length')),
          'nothing is loaded from elsewhere (no src or href)');

  // Typing into the search box filters the table.
  const word = 'belarus';
  await evaluate('document.getElementById("search").focus()');
  await call('Input.insertText', { text: word });
  await sleep(300);
  shown = await rows();
  const want = data.facts.filter((f) => [data.nodes[f.s].label, f.p, f.surface, data.nodes[f.o].label,
    f.by >= 0 ? data.nodes[f.by].label : '', f.time, f.place, f.pol, f.mod].join('\t').toLowerCase().includes(word)).length;
  report_(want > 0 && want < total && shown.length === Math.min(want, 100) &&
          shown.every((cells) => cells.join('\t').toLowerCase().includes(word)),
          'typing "' + word + '" leaves the ' + want + ' facts that mention it', [want, shown.length]);
  report_(await count() === want + ' facts of ' + total, 'the count says ' + want + ' of ' + total, await count());
  await evaluate('(() => { const s = document.getElementById("search"); s.value = ""; ' +
                 's.dispatchEvent(new Event("input")); })()');
  await sleep(300);
  report_((await rows()).length === Math.min(total, 100), 'clearing the search shows every fact again');

  // Clicking a node of the diagram filters the table to that entity.
  const findNode = `(() => {
    const nodes = Array.from(document.querySelectorAll('#diagram g.node'));
    const best = nodes.find((g) => g.querySelector('text') && g.querySelector('text').textContent === 'Iran') || nodes[0];
    best.scrollIntoView({ block: 'center' });
    const r = best.getBoundingClientRect();
    return { id: best.id, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`;
  const target = await evaluate(findNode);
  await click(target.x, target.y);
  const node = data.nodes.findIndex((n) => n.id === target.id);
  const label = data.nodes[node].label;
  const about = data.facts.filter((f) => f.s === node || f.o === node || f.by === node).length;
  shown = await rows();
  report_(about > 0 && shown.length === Math.min(about, 100) &&
          shown.every((cells) => cells[0] === label || cells[3] === label || cells[8] === label),
          'clicking the node ' + label + ' leaves its ' + about + ' facts', [about, shown.length]);
  report_((await evaluate('document.getElementById("entity-filter").textContent')).includes(label),
          'the filter names ' + label);
  report_(await evaluate('document.querySelector("#diagram g.node.selected") !== null'), 'the node is marked');

  // Clicking an edge of the diagram leaves the facts between its two nodes.
  const edgeAt = await evaluate(`(() => {
    const g = Array.from(document.querySelectorAll('#diagram g.edge')).find((e) => e.querySelector('text'));
    const label = g.querySelector('text');
    label.scrollIntoView({ block: 'center' });
    const r = label.getBoundingClientRect();
    return { title: g.querySelector('title').textContent, x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`);
  await click(edgeAt.x, edgeAt.y);
  const [tail, head] = edgeAt.title.split('->').map((id) => data.nodes.findIndex((n) => n.id === id));
  const between = data.facts.filter((f) => f.s === tail && f.o === head).length;
  shown = await rows();
  report_(between > 0 && shown.length === between &&
          shown.every((cells) => cells[0] === data.nodes[tail].label && cells[3] === data.nodes[head].label),
          'clicking the edge ' + data.nodes[tail].label + ' → ' + data.nodes[head].label + ' leaves its ' +
          between + ' fact(s)', [between, shown.length, edgeAt]);
  // back to the node's facts
  const again = await evaluate(findNode);
  await click(again.x, again.y);
  report_((await rows()).length === Math.min(about, 100), 'clicking the node again leaves its facts');

  // Clicking a row opens its evidence.
  const rowAt = await evaluate(`(() => {
    const td = document.querySelector('#facts tbody tr.fact td.p');
    td.scrollIntoView({ block: 'center' });
    const r = td.getBoundingClientRect();
    return { fact: +td.parentNode.dataset.fact, x: r.left + 5, y: r.top + r.height / 2 };
  })()`);
  await click(rowAt.x, rowAt.y);
  const evidence = await evaluate('(() => { const tr = document.querySelector("#facts tbody tr.evidence"); ' +
                                  'return tr && { text: tr.textContent, marks: tr.querySelectorAll("mark").length }; })()');
  const fact = data.facts[rowAt.fact];
  const sentence = fact.ev.find((e) => e[4]);
  report_(evidence && fact.ev.every((e) => evidence.text.includes(e[4]) && evidence.text.includes(data.documents[e[0]].id)),
          'the row opens to its ' + fact.ev.length + ' evidence sentence(s) with their documents', evidence);
  report_(evidence && (!sentence || evidence.marks > 0), 'the words of the subject or object are marked', evidence);

  // A picture of it: the diagram and the top of the table.
  await evaluate('window.scrollTo(0, 0)');
  await sleep(200);
  const shot = await call('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(screenshot, Buffer.from(shot.data, 'base64'));
  report_(fs.statSync(screenshot).size > 10000, 'screenshot saved: ' + screenshot);
  report_(exceptions.length === 0, 'the page threw no error', exceptions);

  if (big) {
    const start = Date.now();
    const bigLoaded = event('Page.loadEventFired');
    await call('Page.navigate', { url: 'file://' + fs.realpathSync(big) });
    await Promise.race([bigLoaded, timeout(60000, 'big page load')]);
    const loadMs = Date.now() - start;
    const n = await evaluate('JSON.parse(document.getElementById("kg-data").textContent).facts.length');
    report_(n >= 50000 && (await rows()).length === 100 && await count() === n + ' facts',
            n + ' facts: the first page of 100 rows shows, loaded in ' + loadMs + ' ms', await count());
    report_(loadMs < 15000, n + ' facts: loaded in under 15 s');
    const searchStart = Date.now();
    await evaluate('(() => { const s = document.getElementById("search"); s.value = "entity 12"; ' +
                   's.dispatchEvent(new Event("input")); return new Promise((r) => setTimeout(r, 300)); })()');
    const found = await count();
    report_(/^[0-9]+ facts? of [0-9]+$/.test(found) && Date.now() - searchStart < 5000,
            n + ' facts: a search filters them in ' + (Date.now() - searchStart) + ' ms (' + found + ')', found);
    report_(exceptions.length === 0, n + ' facts: the page threw no error', exceptions);
  }

  // Wait for chromium to exit, so that its profile can be removed.
  const exited = new Promise((resolve) => browser.on('exit', resolve));
  await send('Browser.close').catch(() => {});
  await Promise.race([exited, sleep(5000)]);
  browser.kill();
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.log('not ok - the browser test stopped: ' + e.message);
  browser.kill();
  process.exit(1);
});
