# `return` anywhere in the body, and a `raise` nothing in the body catches, leave the loop early.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def first_even(n):
    gen = produce(n)
    try:
        for x in gen:
            if x % 2 == 0:
                return x
    finally:
        gen.close()
    return None


def check(n):
    gen = produce(n)
    try:
        for x in gen:
            if x > 5:
                raise ValueError(x)
    finally:
        gen.close()


def tolerant(n):
    # The raise is caught inside the body: the loop runs to the end.
    for x in produce(n):
        try:
            if x > 5:
                raise ValueError(x)
        except ValueError:
            pass
