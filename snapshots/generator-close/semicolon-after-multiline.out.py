# A statement after `;` on the last line of a multi-line statement (a list, a triple-quoted string) is split off
# at the indentation of its logical line, not of the continuation line it starts on.
def produce(tag="x"):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)


def f():
    q = [1,
         2]
    gen = produce()
    try:
        r = next(gen)
    finally:
        gen.close()
    return r


def g():
    s = """a
b"""
    gen = produce("str")
    try:
        r = next(gen)
    finally:
        gen.close()
    return r


def h():
    s = """a
b"""
    gen = produce("str")
    try:
        r = next(gen)
    finally:
        gen.close()


print(f(), g())
