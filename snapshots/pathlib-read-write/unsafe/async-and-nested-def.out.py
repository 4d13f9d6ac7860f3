# Inside async functions and nested defs: the same rewrite, one import for every fix
from pathlib import Path
async def main(paths):
    def inner(p):
        return [Path(q).read_text() for q in p]

    return inner(paths), (lambda: Path(paths[0]).write_bytes(b""))
