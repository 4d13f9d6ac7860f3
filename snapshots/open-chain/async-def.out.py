# Inside async functions, next to awaits
import asyncio


async def fetch(path):
    await asyncio.sleep(0)
    with open(path, "rb") as f:
        data = f.read()
    await asyncio.sleep(0)
    return data


async def store(path, data):
    with open(path, "wb") as f:
        f.write(await data)
