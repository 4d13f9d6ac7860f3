# A generator made in a generator expression's later `for` clause: one per item, no statement to close it in;
# `except ANY:` with ANY holding GeneratorExit makes the close raise (unsafe, not applied)
ANY = (GeneratorExit, ValueError)


def produce(n):
    try:
        yield n
    finally:
        pass


def any_positive(xs):
    return any(y > 0 for x in xs for y in produce(x))


def swallowing():
    try:
        while True:
            try:
                yield 2
            except ANY:
                pass
    finally:
        pass


def first():
    for x in swallowing():
        break
    return x
