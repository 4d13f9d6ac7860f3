# Reported without a fix: compound-statement headers, class bodies, code that runs first, lambdas.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def side():
    return 1


if any(produce(3)):
    print("yes")

while 2 in produce(3):
    break


class Config:
    for x in produce(3):
        break


values = [side(), next(produce(3))]
pick = lambda: next(produce(3))
firsts = [next(produce(n)) for n in range(3)]
