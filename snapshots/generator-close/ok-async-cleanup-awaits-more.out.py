# More async generators whose cleanup awaits, each abandoned by `break` while the caller holds the lock the
# cleanup takes: `await agen.aclose()` would deadlock where CPython ran the cleanup later, in a task of its own.
# The await sits in a default value in the `finally` (run by the cleanup, not by a nested function); the
# `yield` sits in an `except` handler or in the `else:` of the `try` whose `finally` awaits; the `async with`
# exit is a plain `def __aexit__` returning an awaitable, or an `async def __aexit__` replaced later in the
# class body; or its `finally` awaits `aclose()` of a generator whose cleanup awaits. Not fixed without --unsafe-fixes.
import asyncio

lock = asyncio.Lock()


async def release_step():
    async with lock:
        return 1


async def in_default(n):
    try:
        for i in range(n):
            yield i
    finally:
        done = lambda r=await release_step(): r


async def in_handler(n):
    try:
        raise KeyError
    except KeyError:
        for i in range(n):
            yield i
    finally:
        await release_step()


async def in_else(n):
    try:
        pass
    except KeyError:
        pass
    else:
        for i in range(n):
            yield i
    finally:
        await release_step()


class PlainExit:
    async def __aenter__(self):
        return self

    def __aexit__(self, *exc):
        return release_step()


class Replaced:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None

    async def __aexit__(self, *exc):
        await release_step()


async def plain_exit(n):
    async with PlainExit():
        for i in range(n):
            yield i


async def replaced(n):
    async with Replaced():
        for i in range(n):
            yield i


async def awaiting_rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        await release_step()


async def closes_awaiting(n):
    it = awaiting_rows(n)
    try:
        yield await it.__anext__()
        yield 5
    finally:
        await it.aclose()


async def main():
    async with lock:
        async for x in closes_awaiting(3):
            break
        async for x in in_default(3):
            break
        async for x in in_handler(3):
            break
        async for x in in_else(3):
            break
        async for x in plain_exit(3):
            break
        async for x in replaced(3):
            break
