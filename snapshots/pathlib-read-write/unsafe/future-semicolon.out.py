from __future__ import annotations; from pathlib import Path; data = [Path(p).read_text() for p in ["setup.cfg"]]
print(len(data))
