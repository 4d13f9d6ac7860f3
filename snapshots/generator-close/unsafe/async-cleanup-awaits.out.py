# An async generator whose cleanup awaits: CPython ran it later, in a task of its own (the event loop's
# finalizer hook). `await agen.aclose()` would run it in the caller's task, which here holds the lock the
# cleanup takes (a deadlock), or under a timeout that cancels it. Not fixed without --unsafe-fixes.
import asyncio


async def rows(lock):
    try:
        yield 1
        yield 2
    finally:
        async with lock:
            print("rows cleaned up")


async def stream(conn):
    async with conn:
        yield "first"
        yield "second"


async def main():
    lock = asyncio.Lock()
    async with lock:
        agen = rows(lock)
        try:
            async for x in agen:
                break
        finally:
            await agen.aclose()
        print("loop done")
    print("end main")


async def first(conn):
    agen = stream(conn)
    try:
        async for item in agen:
            return item
    finally:
        await agen.aclose()


asyncio.run(main())
