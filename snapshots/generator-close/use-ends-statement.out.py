# Fixed: nothing runs after the use but storing a name (an annotation, a walrus, `not` over a bool).
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(3)
try:
    a = b = next(_gen)
finally:
    _gen.close()
_gen2 = produce(3)
try:
    c: int = next(_gen2)
finally:
    _gen2.close()
_gen3 = produce(3)
try:
    empty = not any(_gen3)
finally:
    _gen3.close()
_gen4 = produce(3)
try:
    missing = not (3 in _gen4)
finally:
    _gen4.close()
print((d := next(produce(3), None)) is None or d)
_gen5 = produce(3)
try:
    (e := next(_gen5, None))
finally:
    _gen5.close()
