# --all-loops: every loop over a generator with cleanup, since an exception in the body abandons it too.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


for x in produce(3):
    print(x)

total = sum(produce(3))
