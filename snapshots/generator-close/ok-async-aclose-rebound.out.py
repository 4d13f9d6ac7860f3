# `await it.aclose()` of a name bound once to an async generator whose cleanup never awaits, and an `async with` of a
# class whose `__aexit__` never awaits, run to their end in one step: the loops that abandon the generators holding
# them are fixed (snapshots `async-aclose-no-await`, `async-exit-no-await`). Not when a function binds the name again
# through `global` or `nonlocal`, nor when the class's exit is set from outside it: the cleanup may then await, under
# the caller's locks. Fixed only with --unsafe-fixes.
import asyncio

lock = asyncio.Lock()


async def produce():
    try:
        yield 1
        yield 2
    finally:
        print("plain cleanup")


async def slow():
    try:
        yield 1
    finally:
        async with lock:
            print("slow cleanup")


it = produce()


def use_slow():
    global it
    it = slow()


async def outer():
    await it.__anext__()
    try:
        yield 1
        yield 2
    finally:
        await it.aclose()


class Calm:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        print("calm exit")


async def _slow_exit(self, *exc):
    async with lock:
        print("slow exit")


Calm.__aexit__ = _slow_exit


async def calm():
    async with Calm():
        yield 1
        yield 2


async def main():
    async with lock:
        async for x in outer():
            break
        async for y in calm():
            break
