# After a `try` whose handler goes on, the code awaits (an `async for`, an async comprehension): another task may
# write the path while the original still had the file open; a `with` would have flushed it first. Reported.
import asyncio


async def ticks():
    await asyncio.sleep(0)
    yield 1


async def loop_after(p):
    f = open(p, "a")
    try:
        f.write("mine\n")
        int("x")
        f.close()
    except ValueError:
        pass
    async for _ in ticks():
        pass


async def comprehension_after(p):
    f = open(p, "a")
    try:
        f.write("mine\n")
        int("x")
        f.close()
    except ValueError:
        pass
    return [x async for x in ticks()]
