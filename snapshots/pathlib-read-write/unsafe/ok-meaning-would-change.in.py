# Argument sets pathlib cannot express with the same meaning: left to open-chain's report
import io

MODE = "r"
append = lambda p, s: open(p, "a").write(s)
update = lambda p: open(p, "r+").read()
exclusive = lambda p, s: open(p, "x").write(s)
unbuffered = lambda p: open(p, "rb", 0).read()
buffered_kw = lambda p: open(p, buffering=1).read()
fd = lambda: open(0).read()
bytes_path = lambda: open(b"data.bin", "rb").read()
encoded_path = lambda p: open(os.fsencode(p), "rb").read()
descriptor = lambda fd: open(fd).read()
no_close = lambda fd: open(fd, closefd=False).read()
opener = lambda p: open(p, opener=os.open).read()
partial = lambda p: open(p).read(100)
lines = lambda p: open(p).readlines()
variable_mode = lambda p: open(p, MODE).read()
wrong_way = lambda p: open(p).write("x")
binary_encoding = lambda p: open(p, "rb", encoding="utf-8").read()
splat = lambda args: open(*args).read()
late_encoding = lambda p, s: open(p, "w", encoding=pick()).write(s)
# `Path(p)` would take the path before `pick()` runs
late_read_encoding = lambda p: open(p, encoding=pick()).read()
commented = lambda p: open(
    p,  # the path
    "w",
).write("x")
codecs_open = lambda p: io.TextIOWrapper(open(p, "rb")).read()


# The mode given by position and by name: a TypeError as written
twice = lambda p: open(p, "r", mode="rb").read()
