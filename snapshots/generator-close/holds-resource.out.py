import gzip


# A generator suspended while it holds a file (a loop over it, or `f = open(p)` not yet closed) keeps the file
# open when it is abandoned, as a pending `with` exit would: its callers are fixed in the same run as the
# generator's own `with`, so a second run has nothing left to do.
def gen(p):
    for line in open(p):
        yield line


def first(p):
    gen2 = gen(p)
    try:
        for x in gen2:
            return x
    finally:
        gen2.close()


def gen2(p):
    f = open(p)
    for line in f:
        yield line
    f.close()


def second(p):
    gen = gen2(p)
    try:
        return next(gen)
    finally:
        gen.close()


async def agen(p):
    for line in open(p):
        yield line


async def third(p):
    agen2 = agen(p)
    try:
        async for x in agen2:
            return x
    finally:
        await agen2.aclose()


# The file is closed before the first yield: nothing is held.
def zipped(p):
    with gzip.open(p) as g:
        data = g.read()
    for line in data.splitlines():
        yield line
