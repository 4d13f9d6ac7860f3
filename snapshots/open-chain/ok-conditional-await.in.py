# A resource read in the condition of a conditional expression whose branch awaits: a `with` would hold it across the
# suspension, where CPython closed it before. Reported, not fixed.


async def pick(path, fetch):
    x = (await fetch()) if open(path).read() else ""
    return x
