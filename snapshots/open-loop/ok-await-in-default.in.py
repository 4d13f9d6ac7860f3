# An `await` in a default value of a def or lambda made in the loop runs in the coroutine around it, as the
# def or lambda is made: CPython had closed the file after `.readlines()`, a `with` around the loop would hold
# it open across every such await (many tasks at once run out of file descriptors). Not fixed.
import asyncio


async def tick(x):
    await asyncio.sleep(0)
    return x


async def load(p):
    for line in open(p).readlines():
        def handler(arg=await tick(line)):
            return arg
    return 1


async def load_lambda(p):
    for line in open(p).readlines():
        pick = lambda arg=await tick(line): arg
    return 1


async def load_annotation(p):
    data = open(p).read() + (lambda y=await tick(1): y)()
    return data
