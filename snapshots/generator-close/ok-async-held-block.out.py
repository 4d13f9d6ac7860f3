# An async generator abandoned inside a `with` or a `try` with `finally`: CPython's finalizer hook ran its cleanup
# later, in a task of its own, after the block had exited (its lock released, its file closed, its `finally` run);
# `await agen.aclose()` would run it inside the block, where a cleanup taking the same lock deadlocks and writes come
# in another order. Fixed only with --unsafe-fixes.
import threading

lock = threading.Lock()


async def produce():
    try:
        yield 1
        yield 2
    finally:
        with lock:
            print("cleanup")


async def under_lock():
    with lock:
        async for x in produce():
            break
        print("holding the lock", x)


async def under_log(path):
    with open(path, "w") as log:
        async for x in produce():
            break
        log.write("got %d\n" % x)


async def relay():
    try:
        async for x in produce():
            yield x
    finally:
        print("relay cleanup")
