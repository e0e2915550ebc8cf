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
big = os.path.join(work, "big.tsv")
random.seed(14)
with open(big, "w") as f:
    for i in range(25000):
        f.write("Person %d\tmeet\tPlace %d\n" % (random.randrange(9000), random.randrange(9000)))

subprocess.run([kgraph, "import", small, "-o", out, "-q"] + formats, check=True)
before = snapshot()

for signum in (signal.SIGINT, signal.SIGTERM):
    name = signal.Signals(signum).name
    process = subprocess.Popen([kgraph, "import", big, "-o", out, "-q"] + formats,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    seen = []
    # Wait for the write phase: a temporary file beside the outputs.
    while process.poll() is None and time.monotonic() < deadline:
        seen = hidden()
        if seen:
            break
        time.sleep(0.005)
    # Into the write, past the first file's temporary if we can.
    time.sleep(0.3)
    process.send_signal(signum)
    status = process.wait()
    report(bool(seen), "%s: sent while writing (temporaries seen: %s)" % (name, " ".join(seen)))
    report(status == -signum, "%s: kgraph dies of the signal (status %d)" % (name, status))
    report(hidden() == [], "%s: no temporary file left" % name, hidden())
    after = snapshot()
    report(after == before, "%s: the previous output set is whole and unchanged" % name,
           "\n".join("%s %s" % (k, after.get(k) == before.get(k)) for k in sorted(set(after) | set(before))))

subprocess.run([kgraph, "import", big, "-o", out, "-q"] + formats, check=True)
after = snapshot()
changed = [k for k in before if after.get(k) != before[k] and k != "kgraph.documents.tsv"]
report(set(after) == set(before) and len(changed) == len(before) - 1,
       "a run to the end replaces every file of the set", " ".join(changed))
report(hidden() == [], "a run to the end leaves no temporary file")
