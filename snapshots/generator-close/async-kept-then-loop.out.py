# An async generator kept in a name, then another abandoned by a loop: the kept one is fixed first; the loop then sits
# in that `try`, whose `finally: await it.aclose()` cannot be told from one the code wrote (which closed `it` before
# CPython's finalizer hook closed the loop's generator), so its fix is unsafe there (`--unsafe-fixes`).


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
        async for y in agen(3):
            break
        return x, y
    finally:
        await it.aclose()
