# next(gen()), next(iter(gen())), next(gen(), default): only the first item is read.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(3)
try:
    first = next(_gen)
finally:
    _gen.close()
_gen2 = produce(3)
try:
    second = next(iter(_gen2))
finally:
    _gen2.close()


def head(n):
    gen = produce(n)
    try:
        return next(gen, None)
    finally:
        gen.close()


_gen3 = produce(1)
try:
    next(_gen3)
finally:
    _gen3.close()
