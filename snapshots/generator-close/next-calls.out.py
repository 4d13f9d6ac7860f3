# next(gen()), next(iter(gen())), next(gen(), default): only the first item is read.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


gen = produce(3)
try:
    first = next(gen)
finally:
    gen.close()
gen2 = produce(3)
try:
    second = next(iter(gen2))
finally:
    gen2.close()


def head(n):
    gen = produce(n)
    try:
        return next(gen, None)
    finally:
        gen.close()


gen3 = produce(1)
try:
    next(gen3)
finally:
    gen3.close()
