# Proof: `await agen().__anext__()` reads one item and drops the async generator; CPython closes it on the
# next loop turn, PyPy never. (`await anext(agen())`, new in 3.10, is the same use.)
import asyncio

state = {"closed": 0}


async def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] += 1


async def main():
    first = await produce(10).__anext__()
    # CPython's finalizer hook schedules aclose() as a task: one turn of the event loop runs it.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert state["closed"] == 1, "the async generator's finally has not run"
    print("closed after reading", first)


asyncio.run(main())
