# An existing `import pathlib` is reused: pathlib.Path(...), no new import
import pathlib

readers = [lambda: open(name).read() for name in ("a", "b")]
touch = lambda p: open(p, "w").write("")
