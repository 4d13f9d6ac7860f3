# A file closed on every path after a kept generator, however its statements are spelt: CPython closed it before
# the generator (at the close), so the fix that closes the generator at the end of the function keeps that order.
def rows(path):
    try:
        yield 1
    finally:
        print("rows sees", repr(open(path).read()))


def inner_loop_between(path):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    try:
        x = next(it)
        for i in range(3):
            if i:
                continue
        f.close()
        return x
    finally:
        it.close()


def named_not_ascii(path):
    fé = open(path, "w")
    fé.write("data")
    it = rows(path)
    try:
        x = next(it)
        fé.close()
        return x
    finally:
        it.close()


def deleted(path):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    try:
        x = next(it)
        del f
        return x
    finally:
        it.close()

