# A comprehension over a shelf itself held it, and gdbm's lock, while it ran, as the `with` does: fixed. Where more
# code of the statement runs after it, CPython had let go of the lock there and the `with` would not: reported.
import shelve


def keys(path):
    with shelve.open(path) as shelf:
        found = [k.upper() for k in shelf]
    return found


def shown(path):
    print([k.upper() for k in shelve.open(path)])


def keys_then(path, reopen):
    # Over `.keys()`, which returns everything at once, CPython let go of the lock there: the rest of the statement
    # would run under the `with`'s
    return [k for k in shelve.open(path).keys()] + [reopen()]
