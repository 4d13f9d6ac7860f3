# Reported without a fix: code of the statement runs after the use, and CPython closed the generator before it.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def side(*args):
    print("side")
    return 0


total = next(produce(3)) + side()
print(next(produce(3)))
found = any(produce(3)) or side()
name, value = next(zip("ab", produce(3)))


def count(store):
    store.total += next(produce(3))
    store.first = next(produce(3))


for name, x in zip("ab", produce(10)):
    print(name, x)
else:
    side()
