# A generator defined inside a function (`outer.<locals>.inner`) resolves by name in that function.
def outer(n):
    def inner():
        try:
            yield from range(n)
        finally:
            print("cleanup")

    for x in inner():
        if x:
            return x
