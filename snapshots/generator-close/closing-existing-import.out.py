# --generator-style closing reuses `import contextlib as cl` already in the file.
import contextlib as cl


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def head(n):
    with cl.closing(produce(n)) as gen:
        return any(x > 2 for x in gen)
