# An async generator kept through `aiter(…)` or `.__aiter__()`, which give the generator itself, and read in part:
# closed at the end of the function, as `it = produce()` is.


async def produce():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


async def first():
    it = aiter(produce())
    return await anext(it)


async def first_dunder():
    it = produce().__aiter__()
    return await it.__anext__()
