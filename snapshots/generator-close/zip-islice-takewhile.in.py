# zip, itertools.islice and itertools.takewhile stop early, whether consumed by a loop or by list().
import itertools
from itertools import islice


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


pairs = list(zip("abc", produce(10)))
head = list(itertools.islice(produce(10), 3))
head2 = sorted(islice(produce(10), 3))
small = list(itertools.takewhile(lambda x: x < 3, produce(10)))

for name, x in zip("ab", produce(10)):
    print(name, x)
