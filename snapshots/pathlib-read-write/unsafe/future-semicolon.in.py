from __future__ import annotations; data = [open(p).read() for p in ["setup.cfg"]]
print(len(data))
