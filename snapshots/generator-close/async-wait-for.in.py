# `await asyncio.wait_for(anext(agen()), t)` reads one item under a timeout and drops the async generator, as
# `await anext(agen())` does; from 3.12 on (the target here) wait_for has ended the read when it returns or
# raises, also when its task is cancelled twice.
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
