# --all-loops: every loop over a generator with cleanup, since an exception in the body abandons it too.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(3)
try:
    for x in _gen:
        print(x)
finally:
    _gen.close()

total = sum(produce(3))
