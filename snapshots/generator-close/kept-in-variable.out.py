# A generator kept in a variable of a function and left unfinished: closed at the end of the function, where
# CPython closed it when the frame went
import threading

lock = threading.Lock()


def rows(p):
    with lock:
        with open(p) as f:
            for line in f:
                yield line


def find(p):
    it = rows(p)
    try:
        for r in it:
            if r.startswith("#"):
                break
        # a comment in the rest of the function
        print("found")
        return r
    finally:
        it.close()


def header(p):
    """The first row."""
    it = rows(p)
    try:
        head = next(it, None)
        text = """
a multi-line string
    whose lines stay as they are
"""
        return head, text
    finally:
        it.close()


def annotated(p):
    it: "Iterator[str]" = rows(p)
    try:
        return next(it)
    finally:
        it.close()


def evaluate(p, model):
    # `model.eval()` is no builtin that reads variables by name
    it = rows(p)
    try:
        model.eval()
        return next(it)
    finally:
        it.close()


def read_fully(p):
    # not flagged: the last read is a loop that runs to the end
    it = rows(p)
    head = next(it)
    for r in it:
        print(head, r)


def handed_on(p):
    # not flagged: the generator leaves the function
    it = rows(p)
    next(it)
    return it


def rebound(p):
    # not flagged: bound twice
    it = rows(p)
    next(it)
    it = rows(p)
    return next(it)


def captured(p):
    # not flagged: a nested function reads it
    it = rows(p)
    next(it)
    return lambda: next(it)


def in_a_loop(ps):
    # not flagged: not a statement of the function's own body (each iteration drops the previous one)
    for p in ps:
        it = rows(p)
        print(next(it))


def by_name(p):
    # not flagged: locals() may hand it out
    it = rows(p)
    next(it)
    return locals()


def closed_by_hand(p):
    # not flagged: closed by hand
    it = rows(p)
    try:
        return next(it)
    finally:
        it.close()


it = rows("module-level.txt")  # not flagged: a module's variable lives as long as the module
