# `x in gen()` and `x not in gen()` stop at the first match.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


present = 3 in produce(10)


def missing(x, n):
    return x not in produce(n)
