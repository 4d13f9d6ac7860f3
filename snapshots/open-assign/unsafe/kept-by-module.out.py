# Module-level files the module keeps when it has run: another module may import them
# (`from log import LOGFILE`), so a `with` would hand it a closed file. CPython too kept
# them open until the program ended. With --unsafe-fixes, they get their `with`.
import csv
import sys

with open(sys.argv[0] + ".log", "w") as LOGFILE:
    LOGFILE.write("started\n")

with open(sys.argv[0] + ".csv", "w") as out:
    writer = csv.writer(out)
    writer.writerow(["a", "b"])
out = None  # `writer` still holds the file

if sys.argv:
    with open(sys.argv[0]) as data:
        head = data.readline()

for p in sys.argv[:1]:
    with open(p) as last:  # the last one opened stays in `last`
        size = len(last.read())
