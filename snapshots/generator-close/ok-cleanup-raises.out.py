# Closing these generators raises, as their own code shows: CPython only printed "Exception ignored in"
# when it dropped them after the `break`. Reported; the fix needs --unsafe-fixes.
def locked(lock):
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
        if lock.locked():
            raise RuntimeError("still locked")


def stubborn():
    try:
        while True:
            try:
                yield 1
            except GeneratorExit:
                pass  # ignored: the loop yields again
    finally:
        print("cleanup")


def relay(lock):
    yield from locked(lock)

def last_word():
    try:
        yield 1
    finally:
        yield "bye"  # close() gets this yield: RuntimeError


def strict():
    try:
        try:
            yield 1
        except GeneratorExit:
            print("closing")
        raise ValueError("closed early")  # reached after GeneratorExit is caught
    finally:
        print("cleanup")


def first(lock):
    for held in locked(lock):
        break
    for n in stubborn():
        break
    for held in relay(lock):
        break
    for word in last_word():
        break
    for n in strict():
        break


async def async_iterate():
    try:
        yield 1
        yield 2
    finally:
        1/0  # as in CPython's test_asyncgen: close() raises ZeroDivisionError


async def first_async():
    async for i in async_iterate():
        break


def checked():
    try:
        try:
            yield 1
            yield 2
        except GeneratorExit:
            assert False, "closed early"  # close() raises AssertionError
    finally:
        print("cleanup")


def first_checked():
    for n in checked():
        break
