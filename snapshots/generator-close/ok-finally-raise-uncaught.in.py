# A raise in the pending finally that no handler there catches (TypeError past `except (KeyError, IndexError)`):
# closing the generator raises it where CPython only printed "Exception ignored", so the fix waits for
# --unsafe-fixes. A handler of its class or a builtin base (`except LookupError` for KeyError) catches it.
def uncaught():
    try:
        yield 1
        yield 2
    finally:
        try:
            raise TypeError("cleanup")
        except (KeyError, IndexError):
            pass


def first():
    for x in uncaught():
        return x
