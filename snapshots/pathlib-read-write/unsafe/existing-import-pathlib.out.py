# An existing `import pathlib` is reused: pathlib.Path(...), no new import
import pathlib

readers = [lambda: pathlib.Path(name).read_text() for name in ("a", "b")]
touch = lambda p: pathlib.Path(p).write_text("")
