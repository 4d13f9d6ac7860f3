# An async generator kept in a name in a loop's body and read in part: CPython closed each one when the next iteration
# bound the name again; reported, with `await it.aclose()` to add where the iteration is done with it.


async def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup")


async def by_anext(ns):
    for n in ns:
        it = produce(n)
        x = await anext(it)
    return x


async def by_dunder(ns):
    for n in ns:
        it = produce(n)
        x = await it.__anext__()
    return x
