# --generator-style closing in a module that lists `globals()`: no `import contextlib` (it would show there); try/finally instead
def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def first():
    for r in rows():
        return r


print(first())
print(sorted(n for n in globals() if not n.startswith("_")))
