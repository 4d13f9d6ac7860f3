# zip, itertools.islice and itertools.takewhile stop early, whether consumed by a loop or by list().
import itertools
from itertools import islice


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


gen = produce(10)
try:
    pairs = list(zip("abc", gen))
finally:
    gen.close()
gen2 = produce(10)
try:
    head = list(itertools.islice(gen2, 3))
finally:
    gen2.close()
gen3 = produce(10)
try:
    head2 = sorted(islice(gen3, 3))
finally:
    gen3.close()
gen4 = produce(10)
try:
    small = list(itertools.takewhile(lambda x: x < 3, gen4))
finally:
    gen4.close()

gen5 = produce(10)
try:
    for name, x in zip("ab", gen5):
        print(name, x)
finally:
    gen5.close()
