# An async generator kept in a name, then another abandoned by a loop: the loop's fix goes inside the `try` the kept
# one's fix writes (whose `finally:` only closes it), and is no less safe for it: CPython's finalizer hook closed the
# loop's generator first, then the kept one, as both fixes do.


async def agen(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("closed", n)


async def f():
    it = agen(2)
    x = await it.__anext__()
    async for y in agen(3):
        break
    return x, y
