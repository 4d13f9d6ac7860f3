# A path that holds an `int(…)` is still a path: only a descriptor made as the argument itself (`open(int(s))`,
# `open(os.dup(1))`) is refused (ok-bytes-and-descriptors).
from pathlib import Path
frame = lambda i, s: Path("frame%d.txt" % int(i)).write_text(s)
