# --all-loops: every loop over a generator with cleanup, since an exception in the body abandons it too.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


gen = produce(3)
try:
    for x in gen:
        print(x)
finally:
    gen.close()

total = sum(produce(3))
