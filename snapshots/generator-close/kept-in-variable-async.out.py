# An async generator kept in a variable of a coroutine and left unfinished: `await agen.aclose()` at the end
async def stream():
    try:
        yield 1
        yield 2
    finally:
        print("closed")


async def first():
    agen = stream()
    try:
        async for x in agen:
            return x
    finally:
        await agen.aclose()


async def head():
    agen = stream()
    try:
        x = await anext(agen)
        y = await agen.__anext__()
        return x, y
    finally:
        await agen.aclose()


def not_a_coroutine():
    # not flagged: no await outside a coroutine
    agen = stream()
    return agen


async def plain_for():
    # not flagged: a plain `for` over an async generator is a TypeError, not this pattern
    agen = stream()
    for x in agen:
        break


async def read_to_the_end():
    # not flagged: the last read runs to the end
    agen = stream()
    x = await anext(agen)
    async for y in agen:
        print(x, y)
