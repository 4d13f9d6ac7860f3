# Proof: an async generator kept in a variable and left by `break` must be closed soon after its coroutine
# returns; CPython's finalizer hook schedules aclose() then, PyPy only when its GC runs.
import asyncio

state = {"closed": False}


async def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] = True


async def first_above(limit):
    agen = produce(10)
    try:
        async for x in agen:
            if x > limit:
                break
        return x
    finally:
        await agen.aclose()


async def main():
    x = await first_above(2)
    # CPython's finalizer hook schedules aclose() as a task: one turn of the event loop runs it.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert state["closed"], "the async generator's finally has not run"
    print("closed after break at", x)


asyncio.run(main())
