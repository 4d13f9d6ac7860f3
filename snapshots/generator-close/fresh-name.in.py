# The new name is fresh in the scope: `gen` and `gen2` are taken, so `gen3`.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def use(gen, n):
    gen2 = gen
    for x in produce(n):
        if x == gen:
            break
    return gen2
