# A generator handed to a function that keeps it, uses it otherwise, or takes it by keyword: not passed
# through, so not closed with the outer one (withify reports nothing it cannot prove). A pipeline kept in a
# name is fixed (snapshot `pipeline-kept`), but not one a nested function reads or the function hands on.
last = None


def lines(path):
    with open(path) as f:
        yield from f


def keeps(it):
    global last
    last = it
    for line in it:
        yield line


def closes(it):
    for line in it:
        yield line
    it.close()


def lazily(it):
    yield [line for line in it]


def by_name(it, sep=None):
    for line in it:
        yield line.split(sep)


def first(path):
    return next(keeps(lines(path)))


def second(path):
    return next(closes(lines(path)))


def third(path):
    return next(lazily(lines(path)))


def fourth(path):
    return next(by_name(sep=",", it=lines(path)))


class Store:
    @classmethod
    def merge(cls, it, keep):
        global last
        last = keep
        for line in it:
            yield line

    @staticmethod
    def parsed(it):
        for line in it:
            yield line.split()

    if True:
        def merged(self, it):
            for line in it:
                yield line

    def first(self, src, path):
        return next(self.merge(src, lines(path)))

    def second(self, path):
        return next(self.parsed(lines(path)))


def merge(*sources: "Iterable[str]", extra=()):
    global last
    last = sources
    for line in extra:
        yield line


def head(it):
    for line in it:
        if line == "STOP\n":
            return
        yield line


def counted(it, errors):
    try:
        for line in it:
            yield int(line)
    except ValueError as err:
        errors.append(err)


def sixth(src, path):
    return next(merge(src, lines(path)))


def seventh(path):
    for line in head(lines(path)):
        if not line:
            break
    else:
        return "all read"


def eighth(path, errors):
    return next(counted(lines(path), errors))


def kept_in_lambda(path):
    it = by_name(lines(path))
    first = next(it)
    return first, lambda: next(it)


def handed_on(path):
    it = by_name(lines(path))
    next(it)
    return it


def relay(it):
    yield from it


def read_through(path):
    # A kept generator read through a pass-through by `yield from`: CPython closed it as the statement dropped
    # `relay(it)`, where a `finally` at the end of the function would close it later; reported (one read by `for`
    # is fixed: snapshot `pipeline-kept`)
    it = lines(path)
    first = next(relay(it))
    return first


def looped(paths):
    # Kept in a loop's body: reported, as a kept generator there is
    for path in paths:
        it = by_name(lines(path))
        print(next(it))
