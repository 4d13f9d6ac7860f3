# Conditional expressions and and/or right operands may not run at all: no with can hold them
from pathlib import Path
def save(path, text, dry_run, cache):
    written = Path(path).write_text(text) if not dry_run else 0
    ok = dry_run or Path(path).write_bytes(text.encode())
    data = cache.get(path) or Path(path).read_text(encoding="utf-8")
    return written, ok, data
