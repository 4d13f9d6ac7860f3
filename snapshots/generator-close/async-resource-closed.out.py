# An async generator abandoned after the coroutine has closed its files: nothing of theirs is left for the cleanup
# to meet, and the loop is fixed.
import asyncio


async def produce(path):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup reads", repr(open(path).read()))


async def closed_before(path):
    log = open(path, "w")
    log.write("x")
    log.close()
    agen = produce(path)
    try:
        async for x in agen:
            break
    finally:
        await agen.aclose()
    print(x)


async def within_before(path):
    with open(path, "w") as log:
        log.write("x")
    agen = produce(path)
    try:
        async for x in agen:
            break
    finally:
        await agen.aclose()
    print(x)


async def deleted_before(path):
    log = open(path, "w")
    del log
    agen = produce(path)
    try:
        async for x in agen:
            break
    finally:
        await agen.aclose()
    print(x)


async def only_read_before(path):
    cfg = open(path)
    data = cfg.read()
    async for x in produce(path):
        break
    print(x, data)
