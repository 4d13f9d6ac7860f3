# A lambda writes files and the program reads them back at once: under PyPy the writes are not flushed
from pathlib import Path
import os

save = lambda name, text: Path(name).write_text(text)
names = ["out%d.txt" % i for i in range(20)]
counts = [save(name, "line %s\n" % name) for name in names]
bad = 0
for name in names:
    with open(name) as f:
        if f.read() != "line %s\n" % name:
            bad += 1
print("written", sum(counts), "unflushed", bad)
if bad:
    raise SystemExit(1)
