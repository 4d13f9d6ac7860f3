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
        async for x in rows(lock):
            break
        print("loop done")
    print("end main")


async def first(conn):
    async for item in stream(conn):
        return item


asyncio.run(main())
