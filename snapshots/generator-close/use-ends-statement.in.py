# Fixed: nothing runs after the use but storing a name (an annotation, a walrus, `not` over a bool).
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


a = b = next(produce(3))
c: int = next(produce(3))
empty = not any(produce(3))
missing = not (3 in produce(3))
print((d := next(produce(3), None)) is None or d)
(e := next(produce(3), None))
