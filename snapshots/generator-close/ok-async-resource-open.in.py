# An async generator abandoned while a file of the coroutine is still open: CPython's finalizer hook ran its
# cleanup in a task of its own, when the coroutine next let the event loop run, here after `main` had returned and
# its frame had dropped (flushed) `log`; `await agen.aclose()` would run it at once, while `log` is open and
# unflushed (the cleanup read "" where CPython read "xy"). Fixed only with --unsafe-fixes.
import asyncio


async def produce(path):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup reads", repr(open(path).read()))


async def left_to_the_frame(path):
    log = open(path, "w")
    log.write("x")
    async for x in produce(path):
        break
    log.write("y")


async def closed_after(path):
    log = open(path, "w")
    log.write("x")
    async for x in produce(path):
        break
    log.close()


async def first_of_two(path):
    out, err = open(path, "w"), open(path + ".err", "w")
    out.write("x")
    async for x in produce(path):
        break
    err.close()


async def opened_later_in_a_loop(path):
    # on the loop's second turn, the first turn's `log` is still open at the `async for`
    for i in range(2):
        if i == 1:
            async for x in produce(path):
                break
        log = open(path, "w")
        log.write("x%d" % i)
