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
    gen = lines(path)
    it = parsed(gen)
    try:
        words = next(it)
        return words
    finally:
        gen.close()


def through_two(path):
    gen = lines(path)
    it = parsed(parsed(gen))
    try:
        for words in it:
            if words:
                break
        print("done")
    finally:
        gen.close()


def through_iter(path):
    gen = lines(path)
    it = iter(parsed(gen))
    try:
        return next(it)
    finally:
        gen.close()


def both_closed(path):
    gen = lines(path)
    it = tracked(gen)
    try:
        first = next(it)
        return first
    finally:
        try:
            it.close()
        finally:
            gen.close()


def tracked_over_parsed(path):
    # `tracked` reads by `for`: CPython ran its cleanup first, then its frame let go of `parsed(…)` and `lines(p)`
    gen = lines(path)
    it = tracked(parsed(gen))
    try:
        return next(it)
    finally:
        try:
            it.close()
        finally:
            gen.close()


def tracked_from(it):
    try:
        yield from it
    finally:
        print("tracked_from done")


def tracked_from_over_parsed(path):
    # By `yield from`: closing it closed `parsed(…)`, whose frame let go of `lines(p)`, before its own cleanup ran
    gen = lines(path)
    it = tracked_from(parsed(gen))
    try:
        return next(it)
    finally:
        try:
            gen.close()
        finally:
            it.close()


def maybe(path, flag):
    gen = None
    it = parsed((gen := lines(path))) if flag else iter([])
    try:
        return next(it, None)
    finally:
        if gen is not None:
            gen.close()


def middle(path):
    # `tracked(…)` is closed at the end; `lines(p)`, which it reads, only unsafely (CPython closed it after `tracked`)
    gen = tracked(lines(path))
    it = parsed(gen)
    try:
        return next(it)
    finally:
        gen.close()


def read_through(path):
    # A kept generator read through a pass-through by `for`: dropping `parsed(it)` leaves `it` to the name, which
    # CPython closed at the end of the function
    it = lines(path)
    try:
        words = next(parsed(it))
        print(words)
    finally:
        it.close()


def read_through_tracked(path):
    # Through one with cleanup of its own: its fix waits for the kept one's, then closes `tracked(it)` at the
    # statement, inside the `try` that closes `it` at the end of the function
    it = lines(path)
    try:
        gen = tracked(it)
        try:
            line = next(gen)
        finally:
            gen.close()
        print(line)
    finally:
        it.close()


def relay(it):
    yield from it


def relay_over_parsed(path):
    # `relay` closes `parsed(it)`, whose frame lets go; `it` stays with the name to the end of the function
    it = lines(path)
    try:
        words = next(relay(parsed(it)))
        print(words)
    finally:
        it.close()


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
    try:
        return next(it)
    finally:
        it.close()
