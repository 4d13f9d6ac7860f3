# --generator-style closing with --target-version 3.10: `async with contextlib.aclosing(...)`.
import contextlib
import asyncio


async def produce(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup")


async def head(n):
    async with contextlib.aclosing(produce(n)) as agen:
        async for x in agen:
            if x == 2:
                break
    return x


async def plain_for(n):
    # A plain `for` over an async generator is a TypeError, not this pattern.
    for x in produce(n):
        break
