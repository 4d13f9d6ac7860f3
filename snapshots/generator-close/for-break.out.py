# A loop that breaks out of a generator holding a `finally`: closed in try/finally.
def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup")


gen = produce(10)
try:
    for x in gen:
        if x == 3:
            break
finally:
    gen.close()
print(x)
