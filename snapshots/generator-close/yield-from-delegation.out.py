# Delegation: `relay` and `doubled` hold no `finally` of their own, but closing them closes `produce`.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def relay(n):
    yield from produce(n)


def doubled(n):
    gen = relay(n)
    try:
        for x in gen:
            yield 2 * x
    finally:
        gen.close()


def use(n):
    gen = doubled(n)
    try:
        for x in gen:
            if x > 4:
                break
    finally:
        gen.close()
