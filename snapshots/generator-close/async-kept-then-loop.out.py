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
    try:
        x = await it.__anext__()
        agen2 = agen(3)
        try:
            async for y in agen2:
                break
        finally:
            await agen2.aclose()
        return x, y
    finally:
        await it.aclose()
