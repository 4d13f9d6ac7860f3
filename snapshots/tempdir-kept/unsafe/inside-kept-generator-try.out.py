import tempfile


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally")


# The directory is kept in the `try` that closes a kept generator (as a generator-close fix leaves it): `with tmp:`
# there would remove it before the generator is closed, where CPython dropped the generator first. With --unsafe-fixes it is
# fixed all the same.
def export(n):
    it = rows(n)
    try:
        tmp = tempfile.TemporaryDirectory()
        with tmp:
            first = next(it)
            return tmp.name, first
    finally:
        it.close()
