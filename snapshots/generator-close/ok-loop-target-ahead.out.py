# A generator left in a loop's target (`for a in [fin("a")]:`) is held to the end of the function, as one bound by
# an assignment: a generator kept after it gets its fix only as unsafe (CPython dropped `a` first, the fix's `finally`
# would run the later one's cleanup first).
def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        print("fin", tag)


def relay(it):
    yield from it


def main():
    for a in [fin("a")]:
        print(next(a))
    b = fin("b")
    print(next(b))
    print("end of main")


def through():
    for a in (relay(fin("a")),):
        print(next(a))
    b = fin("b")
    print(next(b))
