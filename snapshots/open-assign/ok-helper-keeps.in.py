# A resource handed to a function of the module that may keep it, or that withify does not read: reported, not
# fixed (the `with` would close it under whoever holds it).
import fcntl
import functools
import io
import json
import os
import tempfile

LOG = []
LAST = None


def keep(out):
    global LAST
    LAST = out


def remember(out):
    LOG.append(out)


def give_back(out):
    return out


def alias(out):
    g = out
    g.write("x")


def finish(out):
    out.write("x")
    out.close()


def chunks(f):
    for line in f:
        yield line


@functools.lru_cache(maxsize=None)
def cached(f):
    return f.read()


def later(f):
    return lambda: f.read()


def listed(f):
    f.write("x")
    return locals()


def again(f, n):
    f.write("x")
    if n:
        again(f, n - 1)


def rebound(f):
    f = LOG[0]
    return f.read()


def star(*files):
    for f in files:
        f.write("x")


async def sent(f):
    f.write("x")


def twice(f):
    f.write("x")


def twice(f):  # noqa: F811
    LOG.append(f)


def w1(path):
    f = open(path, "w")
    keep(f)


def w2(path):
    f = open(path, "w")
    remember(f)


def w3(path):
    f = open(path, "w")
    g = give_back(f)
    g.write("y")


def w4(path):
    f = open(path, "w")
    alias(f)


def w5(path):
    f = open(path, "w")
    finish(f)


def w6(path):
    f = open(path)
    for line in chunks(f):
        print(line)


def w7(path):
    f = open(path)
    print(cached(f))


def w8(path):
    f = open(path)
    return later(f)()


def w9(path):
    f = open(path, "w")
    listed(f)


def w10(path):
    f = open(path, "w")
    again(f, 2)


def w11(path):
    f = open(path, "w")
    rebound(f)


def w12(path):
    f = open(path, "w")
    star(f)


def w13(path):
    f = open(path, "w")
    twice(f)


def w14(path):
    f = open(path, "w")
    json.dump({}, f)
    keep(out=f)


def locked(out):
    fcntl.flock(out, fcntl.LOCK_EX)


def renamed(t, dst):
    os.replace(t.name, dst)


def w15(path):
    f = open(path, "w")
    locked(f)
    f.write("x")


def w16(dst):
    t = tempfile.NamedTemporaryFile(delete=False)
    renamed(t, dst)


def wrapped_write(raw):
    io.TextIOWrapper(raw).write("hello")


def w17(path):
    raw = open(path, "wb")
    wrapped_write(raw)
