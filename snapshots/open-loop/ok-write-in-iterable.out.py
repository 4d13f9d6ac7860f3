# A write in the iterable of a loop or comprehension: CPython closed (and flushed) the file as
# `.write()` returned, before the loop ran; a `with` around the loop would close it after the body read
# the file back. Reported, not fixed.


def fill(p):
    for i in range(open(p, "w").write("ab")):
        with open(p) as g:
            print(repr(g.read()))
    return [len(open(p).read()) for _ in range(open(p, "w").write("abc"))]
