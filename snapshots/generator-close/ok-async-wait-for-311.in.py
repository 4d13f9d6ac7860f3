# Target 3.11: before 3.12, wait_for ran the read in a task of its own, and a second cancellation while it
# cancelled that task (any cancellation on 3.7) left the read running, so an `aclose()` after it could meet the
# generator still running ("asynchronous generator is already running"). Not fixed.
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
