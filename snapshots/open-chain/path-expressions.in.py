import json
from pathlib import Path

HERE = Path(__file__).parent


# `.open()` on any expression that is surely a path: `Path(...)` and what its `/`, `.parent` and path-returning
# methods make, a name bound only to one, a parameter annotated `Path`.
def save_note(text):
    (HERE / "note.txt").open("w").write(text)
    return Path(__file__).with_name("note.txt").open().read()


def first_line(path: Path) -> str:
    return path.open().readline()


def config_dir():
    base = Path.home() / ".config"
    return base.joinpath("tool", "settings.ini").open().read()


# Not surely a path: an attribute, a parameter without an annotation (`store.open()` may be anything). Not flagged.
class Store:
    def __init__(self, root):
        self.root = Path(root)

    def read(self, name, other):
        return (self.root / name).open().read() + other.open().read()
