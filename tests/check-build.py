#!/usr/bin/python3
"""check-build.py: what `kgraph build seeds/` must give an analyst, read
back the way clients read it (used by tests/e2e-build.sh; prints TAP lines
"ok - ..." / "not ok - ...").

    check-build.py DIR NAME

DIR/NAME.{graphml,entities.tsv,documents.tsv} were built from the five seed
articles.  Checked:

  entities  every person the seeds name is exactly one PERSON node and
            no other node is a PERSON, the countries and cities one GPE
            node each, the organisations one ORG node with their acronym
            among the aliases; no node is a pronoun
  facts     the facts the articles state are edges between the right nodes,
            with their polarity, modality and speaker (networkx reads the
            GraphML)
  evidence  every evidence record's byte range slices its source file to
            the sentence it quotes (white space and quote marks aside)
"""
import re
import sys
from collections import defaultdict

import networkx

import tap
from tap import report


def read_tsv(path):
    """Rows of a linear-TSV file with a header, fields unescaped."""
    unescape = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        if line:
            fields = [re.sub(r"\\(.)", lambda m: unescape.get(m.group(1), m.group(0)), x) for x in line.split("\t")]
            rows.append(dict(zip(header, fields)))
    return rows


PERSONS = ["Araghchi", "Lukashenko", "Raisi", "Pezeshkian", "Aref", "Kuznetsov", "Volfovich", "Khrenin",
           "Ashtiani", "Qalibaf", "Khamenei", "Larijani"]
PLACES = ["Iran", "Belarus", "Minsk", "Tehran", "Russia", "United States"]
ORGANISATIONS = {"EAEU": "Eurasian Economic Union", "SCO": "Shanghai Cooperation Organization", "BRICS": "BRICS",
                 "UN": "United Nations"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "we", "us",
            "our", "i", "me", "my", "you", "your", "who", "whom", "whose", "which", "that", "this", "these", "those"}

# (subject, predicate, object, polarity, modality, speaker or None)
FACTS = [
    ("Ebrahim Raisi", "sign", "roadmap", "positive", "asserted", None),
    ("Seyed Abbas Araghchi", "foreign minister of", "Iran", "positive", "asserted", None),
    ("Minsk", "capital of", "Belarus", "positive", "asserted", None),
    ("Alexander Lukashenko", "president of", "Belarus", "positive", "asserted", None),
    ("Andrei Kuznetsov", "co-chair", "Iran–Belarus Joint Cooperation Commission", "positive", "asserted", None),
    ("Iran", "join", "Shanghai Cooperation Organization", "positive", "intended", None),
    ("Seyed Abbas Araghchi", "visit", "Minsk", "positive", "asserted", None),
    ("Iran", "be aligned with", "Belarus", "positive", "asserted", "Seyed Abbas Araghchi"),
]
# Facts between two common-noun phrases: in NAME.facts.tsv, not in the graph.
SET_ASIDE = [
    ("current trade volume", "reflect", "true potential", "negative", "asserted", "Seyed Abbas Araghchi"),
]
VALUE_TYPES = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}


def check_entities(directory, name):
    rows = read_tsv("%s/%s.entities.tsv" % (directory, name))
    for surname in PERSONS:
        nodes = [r for r in rows if re.search(r"\b%s\b" % surname, r["label"]) or
                 any(re.search(r"\b%s\b" % surname, a) for a in r["aliases"].split(" | "))]
        report(len(nodes) == 1 and nodes[0]["type"] == "PERSON", "one PERSON node for %s" % surname,
               [(n["label"], n["type"]) for n in nodes])
    others = [r["label"] for r in rows if r["type"] == "PERSON"
              and not any(re.search(r"\b%s\b" % surname, r["label"]) for surname in PERSONS)]
    report(not others, "no other PERSON node (the seeds name no one else)", others)
    for place in PLACES:
        nodes = [r for r in rows if r["label"] == place]
        report(len(nodes) == 1 and nodes[0]["type"] == "GPE", "one GPE node for %s" % place,
               [(n["label"], n["type"]) for n in nodes])
    for acronym, full in ORGANISATIONS.items():
        nodes = [r for r in rows if r["label"] == full]
        aliases = [a.split(" (")[0] for a in nodes[0]["aliases"].split(" | ")] if nodes else []
        report(len(nodes) == 1 and nodes[0]["type"] == "ORG" and acronym in aliases,
               "one ORG node for %s with %s among its aliases" % (full, acronym), nodes)
    pronouns = [r["label"] for r in rows if r["label"].lower() in PRONOUNS]
    report(not pronouns, "no pronoun is a node", pronouns)


def edges_by_triple(graph):
    edges = defaultdict(list)
    for u, v, data in graph.edges(data=True):
        edges[(graph.nodes[u]["label"], data["label"], graph.nodes[v]["label"])].append(data)
    return edges


def check_facts(graph):
    edges = edges_by_triple(graph)
    for subject, predicate, obj, polarity, modality, speaker in FACTS:
        found = [d for d in edges.get((subject, predicate, obj), [])
                 if d["polarity"] == polarity and d["modality"] == modality
                 and (speaker is None or d.get("attributed_to") == speaker)]
        what = "(%s, %s, %s)" % (subject, predicate, obj)
        if polarity != "positive" or modality != "asserted":
            what += " %s %s" % (polarity, modality)
        if speaker:
            what += " according to %s" % speaker
        report(len(found) >= 1, "fact %s" % what, edges.get((subject, predicate, obj)))


def check_entity_centric(graph, directory, name):
    between_concepts = [(graph.nodes[u]["label"], d["label"], graph.nodes[v]["label"])
                        for u, v, d in graph.edges(data=True)
                        if graph.nodes[u]["type"] in ("CONCEPT", "CARDINAL", "ORDINAL")
                        and graph.nodes[v]["type"] in ("CONCEPT", "CARDINAL", "ORDINAL")]
    report(not between_concepts, "the graph holds no fact between two common-noun phrases", between_concepts[:5])
    rows = read_tsv("%s/%s.facts.tsv" % (directory, name))
    in_graph = {r["fact"] for r in rows if r["in_graph"] == "yes"}
    report(len(in_graph) == graph.number_of_edges(), "facts.tsv lists every edge of the graph as in_graph=yes",
           (len(in_graph), graph.number_of_edges()))
    for subject, predicate, obj, polarity, modality, speaker in SET_ASIDE:
        found = [r for r in rows if (r["subject"], r["predicate"], r["object"]) == (subject, predicate, obj)
                 and r["polarity"] == polarity and r["modality"] == modality and r["attributed_to"] == speaker
                 and r["in_graph"] == "no" and r["text"]]
        report(found, "facts.tsv keeps (%s, %s, %s) out of the graph, with its sentence" % (subject, predicate, obj))


def normal(text):
    """Text without white space, quotes straightened, for comparing a
    sentence with the bytes it came from."""
    table = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
             "\u00a0": " ", "\u00ad": "", "\u200b": ""}
    text = "".join(table.get(c, c) for c in text)
    return re.sub(r"\s+", "", text)


def check_evidence(graph, directory, name):
    sources = {r["id"]: r["source"] for r in read_tsv("%s/%s.documents.tsv" % (directory, name))}
    raw = {doc: open(path, "rb").read() for doc, path in sources.items()}
    records = wrong = 0
    example = None
    for u, v, data in graph.edges(data=True):
        for line in data["evidence"].split("\n"):
            doc, sentence, span, text = line.split("\t")[:4]
            start, end = (int(x) for x in span.split("-"))
            records += 1
            quoted = raw[doc][start:end].decode("utf-8")
            if normal(quoted) != normal(text):
                wrong += 1
                example = example or (doc, span, quoted, text)
    report(records > 0 and wrong == 0, "evidence: all %d byte ranges slice the sentences they quote" % records,
           example)


def main():
    directory, name = sys.argv[1], sys.argv[2]
    graph = networkx.read_graphml("%s/%s.graphml" % (directory, name))
    check_entities(directory, name)
    check_facts(graph)
    check_entity_centric(graph, directory, name)
    check_evidence(graph, directory, name)
    return 1 if tap.failures else 0


if __name__ == "__main__":
    sys.exit(main())
