# `*` unpacks the resource as it is met; the items after it run with it open under a `with`, where CPython had closed
# it: an `await` (many coroutines each holding a file), a property or a call that opens a locking database again
import shelve


async def gather(p, wait):
    lines = [*open(p), await wait()]
    print(*open(p), await wait())
    return lines


def keys(st, record):
    first = [*shelve.open("db"), st.count]
    record(*shelve.open("db"))
    return first
