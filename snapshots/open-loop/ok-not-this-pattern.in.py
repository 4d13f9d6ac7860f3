# Negative space: async for, managed files, lazy generators, unknown calls, eager reads that yield
import contextlib


async def agen(aopen, p):
    async for line in aopen(p):
        print(line)


def managed(p):
    with open(p) as f:
        for line in f:
            print(line)


def lazy(p):
    gen = (line for line in open(p))
    return gen


def returned(p):
    return (line.strip() for line in open(p))


def unknown(p, wrap):
    for line in wrap(open(p)):
        print(line)


def eager_then_yield(p):
    for line in open(p).readlines():
        yield line


def per_item(paths):
    return [line for p in paths for line in open(p)]


def headers(p):
    if [line for line in open(p)]:
        return 1
    while [line for line in open(p)]:
        break


class Table:
    rows = [line for line in open(__file__)]
    for line in open(__file__):
        pass


def handed_out(a, b, keep):
    for fh in [open(a), open(b)]:
        keep.append(fh)
    for name, fh in {"a": open(a)}.items():
        keep.append(fh)
    return [fh for fh in (open(a),)]


def group_iterators(p, keep):
    import itertools
    for key, group in itertools.groupby(open(p)):
        keep.append(group)
        break
