# A `return` or `break` in a `finally` around a `yield` drops the GeneratorExit close() throws in, and the
# generator then ends: close() returns normally, so the loop that leaves early is closed as usual.
log = []


def g_return(n):
    try:
        yield from range(n)
    finally:
        log.append("closed")
        return


def g_break(n):
    for i in range(n):
        try:
            yield i
        finally:
            log.append("fin %d" % i)
            break


_gen = g_return(5)
try:
    for x in _gen:
        if x == 1:
            break
finally:
    _gen.close()
_gen2 = g_break(5)
try:
    for x in _gen2:
        if x == 1:
            break
finally:
    _gen2.close()
print(log)
