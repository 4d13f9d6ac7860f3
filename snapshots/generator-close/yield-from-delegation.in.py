# Delegation: `relay` and `doubled` hold no `finally` of their own, but closing them closes `produce`.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def relay(n):
    yield from produce(n)


def doubled(n):
    for x in relay(n):
        yield 2 * x


def use(n):
    for x in doubled(n):
        if x > 4:
            break
