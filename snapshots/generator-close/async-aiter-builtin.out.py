# `async for` over `aiter(agen())` (Python 3.10+): `aiter()` of an async generator is the generator itself, so
# the fix closes the generator the call makes, as for `async for x in agen():`.
import asyncio

state = {"closed": 0}


async def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] += 1


async def first(n):
    agen = rows(n)
    try:
        async for x in aiter(agen):
            if x == 1:
                return x
    finally:
        await agen.aclose()


async def main():
    for _ in range(5):
        await first(3)
    for _ in range(3):
        await asyncio.sleep(0)
    print("closed", state["closed"])


asyncio.run(main())
