# Module-level files the module keeps when it has run: another module may import them
# (`from log import LOGFILE`), so a `with` would hand it a closed file. CPython too kept
# them open until the program ended. Offered with --unsafe-fixes (unsafe/kept-by-module).
import csv
import sys

LOGFILE = open(sys.argv[0] + ".log", "w")
LOGFILE.write("started\n")

out = open(sys.argv[0] + ".csv", "w")
writer = csv.writer(out)
writer.writerow(["a", "b"])
out = None  # `writer` still holds the file

if sys.argv:
    data = open(sys.argv[0])
    head = data.readline()

for p in sys.argv[:1]:
    last = open(p)  # the last one opened stays in `last`
    size = len(last.read())

# A drop that may not run: a `break` before it, a `continue` in an inner loop's `else:`
# (the outer loop's), an exception into the handler of a `try` that holds the open
for p in sys.argv[:1]:
    cfg = open(p)
    header = cfg.readline()
    if header:
        break
    cfg = None

for p in sys.argv[:1]:
    rows = open(p)
    first = rows.readline()
    for ch in first:
        pass
    else:
        continue
    rows = None

try:
    if sys.argv:
        stream = open(sys.argv[0])
        version = int(stream.readline())
        stream = None
except ValueError:
    version = 0
