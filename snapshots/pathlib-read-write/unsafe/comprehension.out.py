# List, set and dict comprehensions and a generator expression open one file per item
from pathlib import Path
def load_all(paths):
    texts = [Path(p).read_text() for p in paths]
    blobs = {Path(p).read_bytes() for p in paths}
    sizes = {p: Path(p).write_text(p) for p in paths}
    return texts, blobs, sizes, sum(len(Path(p).read_text()) for p in paths)
