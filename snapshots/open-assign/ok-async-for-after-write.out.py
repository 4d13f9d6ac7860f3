# an `async for` after the last use awaits: another task may write the path while CPython held the file open
import asyncio


async def ticks():
    await asyncio.sleep(0)
    yield 1


async def other():
    with open("d.txt", "a") as g:
        g.write("BB")


async def writer():
    f = open("d.txt", "w")
    f.write("A")
    async for _ in ticks():
        pass


async def main():
    await asyncio.gather(writer(), other())
