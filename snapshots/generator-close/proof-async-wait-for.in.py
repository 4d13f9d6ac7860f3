# Proof: `await asyncio.wait_for(agen().__anext__(), t)` reads one item under a timeout and drops the async
# generator; CPython's finalizer hook closes it on the next loop turns, PyPy only when its GC runs.
# (`anext(agen())`, new in 3.10, is the same use.)
import asyncio

state = {"closed": 0}


async def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] += 1


async def main():
    first = await asyncio.wait_for(produce(10).__anext__(), 5)
    for _ in range(5):
        await asyncio.sleep(0)
    assert state["closed"] == 1, "the async generator's finally has not run"
    print("closed after reading", first)


asyncio.run(main())
