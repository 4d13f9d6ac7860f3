# A kept generator after a resource bound earlier in the function and left to the frame (a file handed on, a
# temporary directory kept in a list): CPython dropped the frame's variables in their order, closing the file (or
# removing the directory) before it closed the generator; a `finally` closing the generator at the end of the
# function would run its cleanup first, with the file unflushed. And a wrapper that holds a file beside the
# generator (`zip(rows(3), open(p))`): CPython closed the file first as it dropped the wrapper. Fixed only with
# --unsafe-fixes, so nothing here changes.
import tempfile


def rows(path, flag=None):
    try:
        yield 1
        yield 2
    finally:
        print("rows sees", show(path))


def show(path):
    with open(path) as f:
        return f.read()


def note(f):
    pass


def written_then_kept(path):
    f = open(path, "w")
    note(f)
    it = rows(path)
    x = next(it)
    f.write("x=%d\n" % x)
    return x


def directory_then_kept():
    tmp = tempfile.TemporaryDirectory()
    keep = [tmp]
    it = rows(tmp.name)
    return next(it), keep


def beside_a_file(path):
    it = zip(rows(path), open(path))
    return next(it)


def closed_on_one_path(path, flag):
    # closed only if `flag`: on the other path CPython closed it at the return, before the generator
    f = open(path, "w")
    it = rows(path)
    x = next(it)
    f.write("x=%d\n" % x)
    if flag:
        f.close()
    return x


def bound_otherwise(path):
    # bound by `:=`, in a tuple, in a list: the frame drops them first all the same
    (f := open(path, "w"))
    g, h = open(path + ".1", "w"), None
    fs = [open(path + ".2", "w")]
    it = rows(path)
    return next(it), len(fs)


def named_only(path, log):
    # the kept statement names `out` but does not hold it
    out = open(path, "w")
    it = rows(path, out is log)
    return next(it)


def second_of_two(path):
    # `f` is closed, `g` is not: the frame dropped `g` before the generator
    f, g = open(path + ".1", "w"), open(path, "w")
    g.write("data")
    f.close()
    it = rows(path)
    return next(it)


def closed_after_early_return(path, early):
    # the `return` leaves before the close on that path
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    x = next(it)
    if early:
        return x
    f.close()
    return x


def name_returned(path):
    # `f.name` is returned, not `f`
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    x = next(it)
    return f.name, x


def in_a_container(path):
    # an item of a dict, and a list pattern: held by `d` and `f`
    d = {}
    d["f"] = open(path, "w")
    [f, g] = open(path + ".1", "w"), None
    d["f"].write("data")
    it = rows(path)
    return next(it)


def header(f):
    f.write("h\n")
    return 1


def passed_to_a_helper(path):
    # `header(f)` writes and returns: the generator does not hold `f`
    f = open(path, "w")
    it = rows(path, header(f))
    return next(it)


def unpacked_otherwise(path, a):
    # nested and starred unpackings, a chained assignment: not followed, so not taken as closed
    (f, g), h = (open(a, "w"), open(path, "w")), None
    f.close()
    k, *rest = open(a, "w"), open(path, "w")
    k.close()
    m = n = open(path, "w")
    del n
    it = rows(path)
    return next(it), g, rest, m


def closed_after_a_break(paths):
    for path in paths:
        f = open(path, "w")
        f.write("data")
        it = rows(path)
        next(it)
        if path.endswith("stop"):
            break
        f.close()


def beside_a_bound_method(path):
    # `iter(open(p).readline, "")` keeps the file through the bound method
    it = zip(rows(path), iter(open(path).readline, ""))
    return next(it)
