# Target 3.7: its wait_for did not wait for the read when its own task was cancelled, so an `aclose()` after
# it could meet the generator still running. Not fixed.
import asyncio
from asyncio import wait_for


async def ticks():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("closed")


async def first():
    return await asyncio.wait_for(anext(ticks()), 1)


async def second():
    value = await wait_for(ticks().__anext__(), timeout=1)
    return value


async def kept():
    it = ticks()
    x = await asyncio.wait_for(anext(it), 1)
    print(x)
