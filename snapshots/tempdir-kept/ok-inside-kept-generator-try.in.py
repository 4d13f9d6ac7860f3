import tempfile


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally")


# The directory is kept in the `try` that closes a kept generator (as a generator-close fix leaves it): `with tmp:`
# there would remove it before the generator is closed, where CPython dropped the generator first. Reported; the
# fix waits for --unsafe-fixes (unsafe/inside-kept-generator-try).
def export(n):
    it = rows(n)
    try:
        tmp = tempfile.TemporaryDirectory()
        first = next(it)
        return tmp.name, first
    finally:
        it.close()
