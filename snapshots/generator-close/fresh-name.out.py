# The new name is fresh in the scope: `gen` and `gen2` are taken, so `gen3`.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def use(gen, n):
    gen2 = gen
    gen3 = produce(n)
    try:
        for x in gen3:
            if x == gen:
                break
    finally:
        gen3.close()
    return gen2
