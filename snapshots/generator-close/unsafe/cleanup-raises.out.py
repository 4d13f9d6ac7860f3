# With --unsafe-fixes the generators whose close raises are closed too: the exception now propagates
# where the loop is left.
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
    gen = locked(lock)
    try:
        for held in gen:
            break
    finally:
        gen.close()
    gen2 = stubborn()
    try:
        for n in gen2:
            break
    finally:
        gen2.close()
    gen3 = relay(lock)
    try:
        for held in gen3:
            break
    finally:
        gen3.close()
    gen4 = last_word()
    try:
        for word in gen4:
            break
    finally:
        gen4.close()
    gen5 = strict()
    try:
        for n in gen5:
            break
    finally:
        gen5.close()
