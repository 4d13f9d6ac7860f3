# `x in gen()` and `x not in gen()` stop at the first match.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(10)
try:
    present = 3 in _gen
finally:
    _gen.close()


def missing(x, n):
    gen = produce(n)
    try:
        return x not in gen
    finally:
        gen.close()
