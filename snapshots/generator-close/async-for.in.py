# `async for` over an async generator with cleanup: `await agen.aclose()` in the finally.
import asyncio


async def produce(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup")


async def head(n):
    async for x in produce(n):
        if x == 2:
            break
    return x


async def plain_for(n):
    # A plain `for` over an async generator is a TypeError, not this pattern.
    for x in produce(n):
        break
