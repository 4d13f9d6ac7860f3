# next(gen()), next(iter(gen())), next(gen(), default): only the first item is read.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


first = next(produce(3))
second = next(iter(produce(3)))


def head(n):
    return next(produce(n), None)


next(produce(1))
