# A pipeline kept in a name: `it = parsed(lines(p))` … `next(it)`. CPython closed `lines(p)` when the function's
# frame dropped `it`, and `parsed(…)`'s frame with it; the fix makes `lines(p)` apart and closes it at the end of
# the function. When the outer generator has cleanup of its own (`tracked`), it is closed first, then `lines(p)`.
from itertools import islice


def lines(path):
    with open(path) as f:
        yield from f


def parsed(it):
    for line in it:
        yield line.split()


def tracked(it):
    try:
        for line in it:
            yield line
    finally:
        print("tracked done")


def first_words(path):
    it = parsed(lines(path))
    words = next(it)
    return words


def through_two(path):
    it = parsed(parsed(lines(path)))
    for words in it:
        if words:
            break
    print("done")


def through_iter(path):
    it = iter(parsed(lines(path)))
    return next(it)


def both_closed(path):
    it = tracked(lines(path))
    first = next(it)
    return first


def tracked_over_parsed(path):
    # `tracked` reads by `for`: CPython ran its cleanup first, then its frame let go of `parsed(…)` and `lines(p)`
    it = tracked(parsed(lines(path)))
    return next(it)


def tracked_from(it):
    try:
        yield from it
    finally:
        print("tracked_from done")


def tracked_from_over_parsed(path):
    # By `yield from`: closing it closed `parsed(…)`, whose frame let go of `lines(p)`, before its own cleanup ran
    it = tracked_from(parsed(lines(path)))
    return next(it)


def maybe(path, flag):
    it = parsed(lines(path)) if flag else iter([])
    return next(it, None)


def middle(path):
    # `tracked(…)` is closed at the end; `lines(p)`, which it reads, only unsafely (CPython closed it after `tracked`)
    it = parsed(tracked(lines(path)))
    return next(it)


def read_through(path):
    # A kept generator read through a pass-through by `for`: dropping `parsed(it)` leaves `it` to the name, which
    # CPython closed at the end of the function
    it = lines(path)
    words = next(parsed(it))
    print(words)


def read_through_tracked(path):
    # Through one with cleanup of its own: its fix waits for the kept one's, then closes `tracked(it)` at the
    # statement, inside the `try` that closes `it` at the end of the function
    it = lines(path)
    line = next(tracked(it))
    print(line)


def relay(it):
    yield from it


def relay_over_parsed(path):
    # `relay` closes `parsed(it)`, whose frame lets go; `it` stays with the name to the end of the function
    it = lines(path)
    words = next(relay(parsed(it)))
    print(words)


def mixed(it, flag):
    try:
        if flag:
            yield from it
        else:
            for line in it:
                yield line
    finally:
        print("mixed done")


def mixed_over_parsed(path, flag):
    # `mixed` reads by `for` or by `yield from` as the run goes: `it` is closed at the end, `lines(p)`'s fix is unsafe
    it = mixed(parsed(lines(path)), flag)
    return next(it)
