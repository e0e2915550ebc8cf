// oxigraph-query.js: loads an RDF file into an in-memory Oxigraph store (the
// store's own engine, npm package "oxigraph", pinned in package.json) and
// runs SPARQL queries on it; each query's results go to OUTDIR/NAME.json as
// SPARQL 1.1 Query Results JSON.  Used by tests/e2e-stores.sh and
// scripts/bench-stores.  Prints the load and query times on stderr.
//
//   node oxigraph-query.js DATA.{ttl,nt,nq} OUTDIR QUERY.rq...
//
// The file is read in chunks, so that files larger than a JavaScript string
// load too.  Queries see the union of the named graphs, as Virtuoso's do.
"use strict";
const fs = require("fs");
const path = require("path");
const oxigraph = require("oxigraph");

const [data, outdir, ...queries] = process.argv.slice(2);
if (!data || !outdir) {
  process.stderr.write("usage: node oxigraph-query.js DATA OUTDIR QUERY.rq...\n");
  process.exit(2);
}
const formats = { ".ttl": "text/turtle", ".nt": "application/n-triples", ".nq": "application/n-quads" };
const format = formats[path.extname(data)];
if (!format) {
  process.stderr.write(`oxigraph-query.js: ${data}: not .ttl, .nt or .nq\n`);
  process.exit(2);
}

function* chunks(file) {
  const fd = fs.openSync(file, "r");
  const buffer = Buffer.alloc(1 << 24);
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; )
      yield Uint8Array.from(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
}

const store = new oxigraph.Store();
let started = process.hrtime.bigint();
store.load(chunks(data), { format, no_transaction: true });
const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;
process.stderr.write(`oxigraph ${require("oxigraph/package.json").version}: loaded ${store.size} quads `
                     + `from ${data} in ${seconds(started).toFixed(2)} s\n`);

fs.mkdirSync(outdir, { recursive: true });
for (const query of queries) {
  started = process.hrtime.bigint();
  const results = store.query(fs.readFileSync(query, "utf8"), {
    results_format: "application/sparql-results+json",
    use_default_graph_as_union: true,
  });
  const name = path.basename(query, ".rq");
  fs.writeFileSync(path.join(outdir, name + ".json"), results);
  process.stderr.write(`oxigraph: ${name} in ${seconds(started).toFixed(2)} s\n`);
}
