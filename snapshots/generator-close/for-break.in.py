# A loop that breaks out of a generator holding a `finally`: closed in try/finally.
def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup")


for x in produce(10):
    if x == 3:
        break
print(x)
