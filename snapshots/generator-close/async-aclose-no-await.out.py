# An async generator whose `finally` only awaits `aclose()` of an async generator of this module whose own
# cleanup never awaits (as generator-close's own fix writes it): closing it runs to its end in one step, as
# CPython's finalizer hook did, so the loop that abandons it is fixed too. In the same run, or over withify's
# own output.


async def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("rows closed")


async def outer(n):
    it = rows(n)
    try:
        x = await it.__anext__()
        yield x
        yield x + 1
    finally:
        await it.aclose()


async def user():
    agen = outer(3)
    try:
        async for y in agen:
            break
    finally:
        await agen.aclose()
    print("user done")
