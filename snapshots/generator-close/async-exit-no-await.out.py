# An `async with` whose exit never awaits (this module's class, an `__aexit__` without `await`): one step of
# `aclose()` runs it to the end, as CPython's finalizer did, so the fix is safe. `Slow`'s exit awaits: not
# fixed without --unsafe-fixes (snapshot ok-async-cleanup-awaits).
import asyncio

log = []


class Ctx:
    def __init__(self, tag):
        self.tag = tag

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        log.append(("exit", self.tag))


class Slow(Ctx):
    async def __aexit__(self, *exc):
        await asyncio.sleep(0)


async def quick(tag):
    async with Ctx(tag):
        for i in range(3):
            yield i


async def slow(tag):
    async with Slow(tag):
        yield 1


async def main():
    agen = quick(1)
    try:
        async for x in agen:
            break
    finally:
        await agen.aclose()
    async for x in slow(1):
        break


asyncio.run(main())
