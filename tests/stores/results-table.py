#!/usr/bin/python3
"""results-table.py: SPARQL 1.1 Query Results JSON as a table to compare
across stores (tests/e2e-stores.sh, scripts/bench-stores).

    results-table.py RESULTS.json > RESULTS.tsv

The first line names the variables; then one line a solution, sorted, each
value as an N-Triples term (an unbound variable as an empty field), so that
stores that return the same solutions give the same bytes whatever their
order of rows and their JSON spelling: Virtuoso's "typed-literal", an
explicit xsd:string datatype, and integer forms such as "05" are written
the one way RDF 1.1 reads them.
"""
import json
import sys

XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                             "unsignedInt", "unsignedLong", "positiveInteger")}
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def term(value):
    if value is None:
        return ""
    kind, text = value["type"], value["value"]
    if kind == "uri":
        return "<%s>" % text
    if kind == "bnode":
        return "_:b"  # never written by kgraph; compared as "a blank node"
    datatype = value.get("datatype")
    if datatype in INTEGERS:
        return '"%d"^^<%sinteger>' % (int(text), XSD)
    quoted = '"%s"' % "".join(ESCAPES.get(c, c) for c in text)
    if "xml:lang" in value:
        return "%s@%s" % (quoted, value["xml:lang"].lower())
    if datatype and datatype != XSD + "string":
        return "%s^^<%s>" % (quoted, datatype)
    return quoted


def main(argv):
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    with open(argv[1], encoding="utf-8") as fh:
        results = json.load(fh)
    names = results["head"]["vars"]
    rows = sorted("\t".join(term(b.get(n)) for n in names) for b in results["results"]["bindings"])
    sys.stdout.write("\t".join("?" + n for n in names) + "\n")
    for row in rows:
        sys.stdout.write(row + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
