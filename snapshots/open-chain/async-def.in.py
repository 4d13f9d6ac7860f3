# Inside async functions, next to awaits
import asyncio


async def fetch(path):
    await asyncio.sleep(0)
    data = open(path, "rb").read()
    await asyncio.sleep(0)
    return data


async def store(path, data):
    open(path, "wb").write(await data)
