"""check-signals.py: SIGINT and SIGTERM while `kgraph import` writes its
files (issue 14, defect 2): no temporary file is left, and the output set
is the previous one, whole; a run that is not interrupted replaces the
whole set.

    check-signals.py KGRAPH WORKDIR"""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time

from tap import report

kgraph, work = sys.argv[1], sys.argv[2]
out = os.path.join(work, "signals-out")
formats = ["-f", "dot,graphml,nt"]


def snapshot():
    """Name -> SHA-256 of every file in out, hidden ones included."""
    result = {}
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as f:
            result[name] = hashlib.sha256(f.read()).hexdigest()
    return result


def hidden():
    return [name for name in os.listdir(out) if name.startswith(".")]


small = os.path.join(work, "small.tsv")
with open(small, "w") as f:
    f.write("Iran\tborders\tIraq\n")
# Big enough that writing takes seconds, so that the signal lands in it;
# interrupted early, it never fills the disk.
big = os.path.join(work, "big.tsv")
random.seed(14)
with open(big, "w") as f:
    for i in range(60000):
        f.write("Person %d\tmeet\tPlace %d\n" % (random.randrange(20000), random.randrange(20000)))
medium = os.path.join(work, "medium.tsv")
with open(medium, "w") as f:
    for i in range(200):
        f.write("Person %d\tmeet\tPlace %d\n" % (i, i + 1))

subprocess.run([kgraph, "import", small, "-o", out, "-q"] + formats, check=True)
before = snapshot()

# SIGINT while the first file (.dot) is written; SIGTERM once the .dot is
# written and the GraphML is being written, where the old code had already
# replaced the .dot.
for signum, wait_for in ((signal.SIGINT, ".kgraph.dot."), (signal.SIGTERM, ".kgraph.graphml.")):
    name = signal.Signals(signum).name
    process = subprocess.Popen([kgraph, "import", big, "-o", out, "-q"] + formats,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    seen = []
    # Wait for the write phase: a temporary file beside the outputs.
    while process.poll() is None and time.monotonic() < deadline:
        seen = hidden()
        if any(n.startswith(wait_for) for n in seen):
            break
        time.sleep(0.005)
    # Into that file a little.
    time.sleep(0.05)
    process.send_signal(signum)
    status = process.wait()
    report(any(n.startswith(wait_for) for n in seen),
           "%s: sent while writing %s* (temporaries seen: %s)" % (name, wait_for, " ".join(seen)))
    report(status == -signum, "%s: kgraph dies of the signal (status %d)" % (name, status))
    report(hidden() == [], "%s: no temporary file left" % name, hidden())
    after = snapshot()
    report(after == before, "%s: the previous output set is whole and unchanged" % name,
           "\n".join("%s %s" % (k, after.get(k) == before.get(k)) for k in sorted(set(after) | set(before))))

subprocess.run([kgraph, "import", medium, "-o", out, "-q"] + formats, check=True)
after = snapshot()
changed = [k for k in before if after.get(k) != before[k] and k != "kgraph.documents.tsv"]
report(set(after) == set(before) and len(changed) == len(before) - 1,
       "a run to the end replaces every file of the set", " ".join(changed))
report(hidden() == [], "a run to the end leaves no temporary file")
