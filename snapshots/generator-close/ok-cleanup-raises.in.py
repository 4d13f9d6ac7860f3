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


def first(lock):
    for held in locked(lock):
        break
    for n in stubborn():
        break
    for held in relay(lock):
        break
