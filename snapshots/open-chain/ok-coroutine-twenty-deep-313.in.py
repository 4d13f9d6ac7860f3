# Target 3.13: a coroutine (or a generator) still compiles at most 20 nested blocks (a plain function 21),
# and the read is 20 deep. Reported without a fix.
async def load(p, n, rows):
    for r in rows:
        with n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n:
            x = open(p).read()
    return x
