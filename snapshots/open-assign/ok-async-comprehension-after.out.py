# an async comprehension after the last use awaits: another task may write the path
import asyncio

P = None


async def ticks():
    await asyncio.sleep(0)
    yield 1


async def other():
    with open(P, "a") as g:
        g.write("other\n")


async def main_():
    t = asyncio.ensure_future(other())
    f = open(P, "a")
    f.write("mine\n")
    r = [x async for x in ticks()]
    return r


def main(p):
    global P
    P = p
    asyncio.run(main_())
