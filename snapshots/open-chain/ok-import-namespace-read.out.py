# The module reads its own namespace (`globals()`): the `import contextlib` sqlite3's `closing` needs would show in it, so no fix
import sqlite3


def count(db):
    return sqlite3.connect(db).execute("select 1").fetchone()[0]


def hello():
    return "hello"


# A registry calling every public function of the module: an imported `closing` would be called too
for name, fn in sorted(globals().items()):
    if callable(fn) and not name.startswith("_") and name not in ("count",):
        print(name, fn())
print(count(":memory:"), sorted(n for n in globals() if not n.startswith("_")))
