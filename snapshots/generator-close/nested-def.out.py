# A generator defined inside a function (`outer.<locals>.inner`) resolves by name in that function.
def outer(n):
    def inner():
        try:
            yield from range(n)
        finally:
            print("cleanup")

    gen = inner()
    try:
        for x in gen:
            if x:
                return x
    finally:
        gen.close()
