#!/usr/bin/python3
"""check-exports.py: real clients read kgraph's exports back (used by
tests/e2e-export.sh; prints TAP lines "ok - ..." / "not ok - ...").

    check-exports.py DIR NAME TSV...

DIR/NAME.{svg,graphml,nt,nq,ttl} and DIR/NAME-collapsed.graphml were written by
`kgraph import TSV...`.  The expected graph is worked out from the TSV files
themselves (fields unescaped, text cleaned as the exporters document it), and
compared with what each client reads:

  svg      in NAME.svg (rendered in-process) and NAME-dot.svg (`dot -Tsvg` of
           NAME.dot), drawn with --concepts --max-nodes 0, parsed with lxml:
           every node's text is its label, wrapped as DOT labels are, and
           every edge's the predicates of the facts between its two nodes
           in that direction, stacked, heaviest first
  graphml  networkx.read_graphml and igraph Graph.Read_GraphML: counts, labels,
           types, mention counts, weights, evidence lines, each edge's time
           and place lists and each evidence line's time and place; the
           collapsed file has one edge per node pair with summed weights and
           the time and place lists of all its facts
  rdf      `rapper -c` and rdflib agree on the triple count; the labels rapper
           and rdflib read are the labels; rapper and rdflib read every
           evidence record's kg:time and kg:place; rapper and rdflib read the
           Turtle (written by raptor) as the same triples; N-Quads count; Redland
           (rdfproc, hashes storage) loads the file and a SPARQL query returns
           the labels of all PERSON entities
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter

import tap
from tap import report


WRAP = 30  # KG_DOT_WRAP_COLUMNS
STACKED = 5  # KG_DIAGRAM_MAX_STACKED
KG = "https://kgraph.example.org/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
# ---- the expected graph, from the TSV --------------------------------------

def unescape(field):
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field) and field[i + 1] in "tnr\\":
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def clean(text):
    """The characters every export drops (src/export/export-text.c)."""
    return "".join(c for c in text if not (
        (ord(c) < 0x20 and c not in "\t\n") or c in "\r\x7f\ufffe\uffff"))


def predicate_key(p):
    return re.sub(r"[\s\x00-\x1f\x7f]+", " ", unicodedata.normalize("NFC", p).lower()).strip()


def read_tsv(paths):
    nodes = {}      # label -> {"type": ..., "mentions": n}
    facts = {}      # (subject, predicate, object) -> {(document, line): (time, place)}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = fh.read().split("\n")
        header_seen = False
        for index, line in enumerate(lines):
            line = line[:-1] if line.endswith("\r") else line
            if not line.strip() or line.startswith("#"):
                continue
            if not header_seen and line.startswith("subject\tpredicate\tobject"):
                header_seen = True
                continue
            header_seen = True
            cols = [unescape(c) for c in line.split("\t")] + [""] * 10
            s, p, o, st, ot, _conf, source, _sentence, time, place = cols[:10]
            for label, typ in ((s, st), (o, ot)):
                node = nodes.setdefault(clean(label), {"type": "UNKNOWN", "mentions": 0})
                node["mentions"] += 1
                if typ:
                    node["type"] = typ.upper()
            key = (clean(s), predicate_key(p), clean(o))
            facts.setdefault(key, {})[(source or path, index)] = (time, place)
    return nodes, facts


def field(text):
    """A time or place as the GraphML export writes it in a list or an
    evidence line: cleaned, tabs and line feeds as spaces."""
    return clean(text).replace("\t", " ").replace("\n", " ")


def qualifiers(evidence):
    """The (time, place) of each record in the graph's evidence order:
    document id, then line (the sentence index)."""
    return [evidence[k] for k in sorted(evidence)]


def distinct(values):
    """The GraphML time or place list: distinct values where first met,
    separated by " | "."""
    out = []
    for v in values:
        if field(v) and field(v) not in out:
            out.append(field(v))
    return " | ".join(out)


# ---- SVG -------------------------------------------------------------------

def continues_previous(c):
    cp = ord(c)
    return (unicodedata.category(c).startswith("M") or cp in (0x200C, 0x200D) or 0xFE00 <= cp <= 0xFE0F
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F or 0xE0100 <= cp <= 0xE01EF)


def wrap(line):
    """DOT label lines as dot-syntax.c wraps them (documented rule)."""
    chars, out, start = list(line), [], 0
    while len(chars) - start > WRAP:
        cut = nxt = None
        for i in range(start + WRAP, start, -1):
            if chars[i] == " ":
                cut, nxt = i, i + 1
                break
        if cut is None:
            cut = start + WRAP
            while cut > start + 1 and (continues_previous(chars[cut]) or chars[cut - 1] == "\u200d"):
                cut -= 1
            nxt = cut
        out.append("".join(chars[start:cut]))
        start = nxt
    out.append("".join(chars[start:]))
    return out


def rendered_lines(label):
    return tuple(part for line in label.split("\n") for part in wrap(line))


def check_svg(path, nodes, facts):
    from lxml import etree
    ns = "{http://www.w3.org/2000/svg}"
    root = etree.parse(path, etree.XMLParser(no_network=True, huge_tree=True)).getroot()
    node_texts, edge_texts = Counter(), Counter()
    for g in root.iter(ns + "g"):
        if g.get("class") not in ("node", "edge"):
            continue
        lines = tuple("".join(t.itertext()).replace("\u00a0", " ") for t in g.iter(ns + "text"))
        (node_texts if g.get("class") == "node" else edge_texts)[lines] += 1
    want = Counter(rendered_lines(label) for label in nodes)
    report(node_texts == want, "SVG: every node label is rendered exactly (%d nodes)" % len(nodes),
           "missing %r\nunexpected %r" % (list((want - node_texts).elements())[:5],
                                          list((node_texts - want).elements())[:5]))
    pairs = {}
    for (s, p, o), evidence in facts.items():
        if s != o:
            pairs.setdefault((s, o), []).append((-len(evidence), p))
    want_edges = Counter()
    for stacked in pairs.values():
        stacked.sort()
        lines = [p for _w, p in stacked[:STACKED]]
        if len(stacked) > STACKED:
            lines.append("+ %d more" % (len(stacked) - STACKED))
        want_edges[rendered_lines("\n".join(lines))] += 1
    report(edge_texts == want_edges, "SVG: every edge shows the predicates of its facts (%d edges, %d facts)"
           % (len(pairs), len(facts)),
           "missing %r\nunexpected %r" % (list((want_edges - edge_texts).elements())[:5],
                                          list((edge_texts - want_edges).elements())[:5]))


# ---- GraphML ---------------------------------------------------------------

def check_graphml(path, collapsed_path, nodes, facts):
    import warnings
    import networkx as nx
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        g = nx.read_graphml(path, force_multigraph=True)
    report(g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(facts) and g.is_directed(),
           "networkx: %d nodes and %d directed edges" % (len(nodes), len(facts)),
           "read %d nodes, %d edges" % (g.number_of_nodes(), g.number_of_edges()))
    by_label = {data["label"]: data for _n, data in g.nodes(data=True)}
    bad = [label for label, want in nodes.items()
           if label not in by_label or by_label[label]["type"] != want["type"]
           or by_label[label]["mentions"] != want["mentions"] or by_label[label]["aliases"] != label]
    report(not bad and len(by_label) == len(nodes),
           "networkx: every node's label, type, aliases and mention count", bad[:5])
    labels = {n: data["label"] for n, data in g.nodes(data=True)}
    got = {(labels[s], d["label"], labels[o]): d for s, o, d in g.edges(data=True)}
    bad = [k for k, evidence in facts.items()
           if k not in got or got[k]["weight"] != len(evidence)
           or len(got[k]["evidence"].split("\n")) != len(evidence) or got[k]["polarity"] != "positive"]
    report(not bad and len(got) == len(facts), "networkx: every edge's predicate, weight and evidence lines", bad[:5])
    bad = []
    for k, evidence in facts.items():
        if k not in got:
            continue
        records = qualifiers(evidence)
        # fields 5 and 6 of an evidence line, empty when left off
        lines = [(line.split("\t") + [""] * 3)[4:6] for line in got[k]["evidence"].split("\n")]
        if (got[k].get("time", "") != distinct(t for t, _p in records)
                or got[k].get("place", "") != distinct(p for _t, p in records)
                or lines != [[field(t), field(p)] for t, p in records]):
            bad.append((k, got[k].get("time"), got[k].get("place"), got[k]["evidence"]))
    times = sum(1 for e in facts.values() for t, _p in e.values() if t)
    places = sum(1 for e in facts.values() for _t, p in e.values() if p)
    report(not bad and times > 0 and places > 0, "networkx: every edge's time and place lists and each evidence "
           "line's time and place (%d times, %d places)" % (times, places), bad[:3])
    ids = [key for _s, _o, key in g.edges(keys=True)]

    import igraph
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ig = igraph.Graph.Read_GraphML(path)
    report(ig.vcount() == len(nodes) and ig.ecount() == len(facts) and ig.is_directed()
           and sorted(ig.vs["label"]) == sorted(nodes)
           and sorted(ig.es["weight"]) == sorted(float(len(e)) for e in facts.values())
           and sorted(ig.vs["mentions"]) == sorted(n["mentions"] for n in nodes.values()),
           "igraph: same counts, labels, mention counts and weights",
           "%d/%d" % (ig.vcount(), ig.ecount()))
    want = {name: sorted(distinct(q[i] for q in qualifiers(e)) for e in facts.values())
            for i, name in enumerate(("time", "place"))}
    have = {name: sorted(v or "" for v in ig.es[name]) for name in ("time", "place")}
    report(have == want, "igraph: every edge's time and place lists", (have, want))
    report(len(set(ids)) == len(ids), "GraphML: edge ids are unique")

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        c = nx.read_graphml(collapsed_path, force_multigraph=True)
    pairs = Counter()
    for (s, _p, o), evidence in facts.items():
        pairs[(s, o)] += len(evidence)
    clabels = {n: data["label"] for n, data in c.nodes(data=True)}
    got = Counter({(clabels[s], clabels[o]): d["weight"] for s, o, d in c.edges(data=True)})
    report(c.number_of_edges() == len(pairs) and got == pairs,
           "collapsed GraphML: one edge per node pair, weights summed (%d pairs)" % len(pairs),
           "got %d edges" % c.number_of_edges())
    # a pair's facts in the graph's order (by predicate), each fact's
    # evidence in its order
    records = {}
    for (s, p, o), evidence in sorted(facts.items(), key=lambda kv: kv[0][1].encode()):
        records.setdefault((s, o), []).extend(qualifiers(evidence))
    want = {pair: (distinct(t for t, _p in r), distinct(p for _t, p in r)) for pair, r in records.items()}
    have = {(clabels[s], clabels[o]): (d.get("time", ""), d.get("place", "")) for s, o, d in c.edges(data=True)}
    report(have == want, "collapsed GraphML: time and place lists over all the facts of a pair",
           set(have.items()) ^ set(want.items()))


# ---- RDF -------------------------------------------------------------------

def nt_unescape(text):
    """N-Triples string escapes, decoded in one pass."""
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if len(m.group(1)) > 1 else simple[m.group(1)], text)


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def rapper_count(path, syntax):
    p = run(["rapper", "-i", syntax, "-c", path])
    m = re.search(r"returned (\d+) (triple|statement)", p.stderr)
    problems = [l for l in p.stderr.splitlines() if "Error" in l or "Warning" in l]
    return (int(m.group(1)) if m else -1), problems, p.returncode


def check_rdf(nt, nq, ttl, nodes, facts):
    import rdflib
    count, problems, status = rapper_count(nt, "ntriples")
    g = rdflib.Graph()
    g.parse(nt, format="nt")
    with open(nt, encoding="utf-8") as fh:
        lines = sum(1 for _ in fh)
    report(status == 0 and not problems and count == len(g) == lines,
           "rapper -c and rdflib agree on the triple count (%d)" % lines,
           "rapper %d (%s), rdflib %d, lines %d" % (count, problems, len(g), lines))

    # rapper re-serialises the file (its N-Triples writer escapes all
    # non-ASCII; its JSON writer emits \U escapes, which JSON lacks).
    p = run(["rapper", "-q", "-i", "ntriples", "-o", "ntriples", nt])
    label_re = re.compile(r'^<https://kgraph\.example\.org/entity/[^>]*> <%s> "((?:[^"\\]|\\.)*)" \.$'
                          % re.escape(RDFS_LABEL))
    rapper_labels = sorted(nt_unescape(m.group(1)) for m in map(label_re.match, p.stdout.splitlines()) if m)
    report(rapper_labels == sorted(nodes), "rapper reads every entity label exactly",
           set(rapper_labels) ^ set(nodes))

    et = rdflib.URIRef(KG + "entityType")
    rdflib_labels = sorted(str(o) for s in set(g.subjects(et, None)) for o in g.objects(s, rdflib.RDFS.label))
    # rdflib before 6.2 decodes "\\n" in a literal as a backslash and a line
    # feed (RDFLib/rdflib#1663): compare those labels through rapper only.
    old = tuple(int(x) for x in rdflib.__version__.split(".")[:2]) < (6, 2)
    want = sorted(l for l in nodes if not (old and "\\" in l))
    got = sorted(l for l in rdflib_labels if not (old and "\\" in l))
    report(got == want and len(rdflib_labels) == len(nodes),
           "rdflib reads every entity label exactly%s" % (
               " (labels with a backslash: rapper only, rdflib %s has #1663)" % rdflib.__version__ if old else ""),
           set(got) ^ set(want))

    # Every evidence record's time and place, as rapper and rdflib read them.
    for term in ("time", "place"):
        index = 0 if term == "time" else 1
        want = Counter(clean(q[index]) for e in facts.values() for q in e.values() if q[index])
        term_re = re.compile(r'^<https://kgraph\.example\.org/evidence/[^>]*> <%s> "((?:[^"\\]|\\.)*)" \.$'
                             % re.escape(KG + term))
        from_rapper = Counter(nt_unescape(m.group(1)) for m in map(term_re.match, p.stdout.splitlines()) if m)
        from_rdflib = Counter(str(o) for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Evidence"))
                              for o in g.objects(s, rdflib.URIRef(KG + term)))
        report(from_rapper == want and len(want) > 0,
               "rapper reads every evidence record's kg:%s exactly (%d)" % (term, sum(want.values())),
               (from_rapper, want))
        keep = lambda c: Counter({v: n for v, n in c.items() if not (old and "\\" in v)})
        report(keep(from_rdflib) == keep(want) and sum(from_rdflib.values()) == sum(want.values()),
               "rdflib reads every evidence record's kg:%s exactly%s" % (
                   term, " (values with a backslash: rapper only)" if old else ""),
               (from_rdflib, want))

    # Turtle, written by raptor: the same graph as the N-Triples, for
    # rapper and for rdflib's own Turtle parser (no blank nodes, so the
    # same set of triples).
    tcount, problems, status = rapper_count(ttl, "turtle")
    report(status == 0 and not problems and tcount == lines, "rapper reads the Turtle: %d triples" % tcount,
           "%d (%s)" % (tcount, problems))
    t = rdflib.Graph()
    t.parse(ttl, format="turtle")
    keep = lambda triples: {x for x in triples if not (old and "\\" in str(x[2]))}
    report(keep(t) == keep(g) and len(t) == len(g),
           "rdflib reads the Turtle as the same triples as the N-Triples%s" % (
               " (literals with a backslash: rapper only)" if old else ""),
           sorted(keep(t) ^ keep(g))[:4])

    qcount, problems, status = rapper_count(nq, "nquads")
    with open(nq, encoding="utf-8") as fh:
        qlines = sum(1 for _ in fh)
    report(status == 0 and not problems and qcount == qlines, "rapper reads every N-Quads statement (%d)" % qlines,
           "%d (%s)" % (qcount, problems))

    with tempfile.TemporaryDirectory() as store:
        opts = ["-s", "hashes", "-t", "hash-type='bdb',dir='%s'" % store]
        load = run(["rdfproc", "-q", "-n"] + opts + ["kg", "parse", nt, "ntriples"])
        counted = run(["rdfproc", "-q", "-r", "json"] + opts
                      + ["kg", "query", "sparql", "-", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"])
        try:
            stored = int(json.loads(counted.stdout)["results"]["bindings"][0]["n"]["value"])
        except (ValueError, KeyError, IndexError):
            stored = -1
        report(load.returncode == 0 and not load.stderr.strip() and stored == lines,
               "Redland (rdfproc, hashes storage) loads all %d triples (SPARQL COUNT)" % lines,
               "%s counted %d %s" % (load.stderr, stored, counted.stderr))
        query = ('SELECT ?label WHERE { ?e <%sentityType> "PERSON" ; <%s> ?label }' % (KG, RDFS_LABEL))
        q = run(["rdfproc", "-q", "-r", "json"] + opts + ["kg", "query", "sparql", "-", query])
        try:
            persons = sorted(b["label"]["value"] for b in json.loads(q.stdout)["results"]["bindings"])
        except (ValueError, KeyError) as e:
            persons = "unreadable: %s %s" % (e, q.stderr)
        want = sorted(l for l, n in nodes.items() if n["type"] == "PERSON")
        report(persons == want and len(want) > 0,
               "SPARQL on the store returns the labels of all %d PERSON nodes" % len(want), persons)


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    directory, name, tsvs = argv[1], argv[2], argv[3:]
    nodes, facts = read_tsv(tsvs)
    path = lambda ext: os.path.join(directory, name + ext)
    for svg in (".svg", "-dot.svg"):
        if os.path.exists(path(svg)):
            print("# %s" % path(svg))
            check_svg(path(svg), nodes, facts)
    check_graphml(path(".graphml"), path("-collapsed.graphml"), nodes, facts)
    check_rdf(path(".nt"), path(".nq"), path(".ttl"), nodes, facts)
    return 1 if tap.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
