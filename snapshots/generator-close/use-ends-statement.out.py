# Fixed: nothing runs after the use but storing a name (an annotation, a walrus, `not` over a bool).
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


gen = produce(3)
try:
    a = b = next(gen)
finally:
    gen.close()
gen2 = produce(3)
try:
    c: int = next(gen2)
finally:
    gen2.close()
gen3 = produce(3)
try:
    empty = not any(gen3)
finally:
    gen3.close()
gen4 = produce(3)
try:
    missing = not (3 in gen4)
finally:
    gen4.close()
print((d := next(produce(3), None)) is None or d)
gen5 = produce(3)
try:
    (e := next(gen5, None))
finally:
    gen5.close()
