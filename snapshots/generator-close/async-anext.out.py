# `await anext(agen())` and `await agen().__anext__()` read one item and drop the async generator.
import asyncio


async def produce(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup")


async def first(n):
    agen = produce(n)
    try:
        head = await anext(agen, None)  # a default: no StopAsyncIteration
    finally:
        await agen.aclose()
    return head


async def second(n):
    agen = produce(n)
    try:
        return await (agen.__anext__())
    finally:
        await agen.aclose()


async def both(n):
    # Not fixed: `print` runs after the read, where CPython had already let go of the generator.
    print(await anext(produce(n)))
    # Not this pattern: the generator is asked for something else.
    await produce(n).asend(None)
