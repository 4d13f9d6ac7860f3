# --generator-style closing below 3.10: contextlib.aclosing does not exist yet, so try/finally.
import asyncio


async def produce(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print("cleanup")


async def head(n):
    agen = produce(n)
    try:
        async for x in agen:
            if x == 2:
                break
    finally:
        await agen.aclose()
    return x


async def plain_for(n):
    # A plain `for` over an async generator is a TypeError, not this pattern.
    for x in produce(n):
        break
