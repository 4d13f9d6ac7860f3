# `async for` over an object whose `__aiter__` is an async generator with cleanup, left by `return`:
# CPython's finalizer hook closes each one on the next turns of the event loop; PyPy waits for its GC.
import asyncio

state = {"closed": 0}


class Feed:
    def __init__(self, n):
        self.n = n

    async def __aiter__(self):
        try:
            for i in range(self.n):
                yield i
        finally:
            state["closed"] += 1


async def first(n):
    async for x in Feed(n):
        if x == 1:
            return x


async def main():
    for _ in range(5):
        await first(3)
    for _ in range(3):
        await asyncio.sleep(0)
    assert state["closed"] == 5, "the async generators' finally has not run"
    print("closed", state["closed"])


asyncio.run(main())
