# A loop that breaks out of a generator holding a `finally`: closed in try/finally.
def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup")


_gen = produce(10)
try:
    for x in _gen:
        if x == 3:
            break
finally:
    _gen.close()
print(x)
