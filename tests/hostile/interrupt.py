"""interrupt.py: SIGINT or SIGTERM while `kgraph build` reads and extracts
a long batch (tests/hostile/catalogue.sh).  Prints one line,
"STATUS SECONDS TEMPORARIES SAME", and exits 0:

    STATUS       the exit status as a shell reports it (128 + signal)
    SECONDS      from the signal to the exit
    TEMPORARIES  hidden files (.NAME.FMT.XXXXXX) left in the output folder
    SAME         yes if every previous output is byte for byte unchanged

    interrupt.py KGRAPH INPUT_DIR OUTPUT_DIR INT|TERM DELAY"""

import hashlib
import os
import signal
import subprocess
import sys
import time

kgraph, inputs, out, name, delay = sys.argv[1:6]


def snapshot():
    result = {}
    for entry in sorted(os.listdir(out)):
        with open(os.path.join(out, entry), "rb") as f:
            result[entry] = hashlib.sha256(f.read()).hexdigest()
    return result


before = snapshot()
# Its own session, so that the signal reaches kgraph alone, as from kill(1).
child = subprocess.Popen([kgraph, "build", inputs, "-o", out, "-f", "dot,graphml,nt", "-q"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
time.sleep(float(delay))
sent = time.monotonic()
child.send_signal(getattr(signal, "SIG" + name))
code = child.wait(timeout=60)
took = time.monotonic() - sent
status = 128 - code if code < 0 else code
after = snapshot()
hidden = [entry for entry in after if entry.startswith(".")]
print("%d %.2f %d %s" % (status, took, len(hidden), "yes" if after == before else "no"))
