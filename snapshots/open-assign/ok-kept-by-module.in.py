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
