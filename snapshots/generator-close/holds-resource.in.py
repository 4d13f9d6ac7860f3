import gzip


# A generator suspended while it holds a file (a loop over it, or `f = open(p)` not yet closed) keeps the file
# open when it is abandoned, as a pending `with` exit would: its callers are fixed in the same run as the
# generator's own `with`, so a second run has nothing left to do.
def gen(p):
    for line in open(p):
        yield line


def first(p):
    for x in gen(p):
        return x


def gen2(p):
    f = open(p)
    for line in f:
        yield line
    f.close()


def second(p):
    return next(gen2(p))


async def agen(p):
    for line in open(p):
        yield line


async def third(p):
    async for x in agen(p):
        return x


# The file is closed before the first yield: nothing is held.
def zipped(p):
    with gzip.open(p) as g:
        data = g.read()
    for line in data.splitlines():
        yield line
