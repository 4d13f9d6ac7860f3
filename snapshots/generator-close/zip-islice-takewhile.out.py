# zip, itertools.islice and itertools.takewhile stop early, whether consumed by a loop or by list().
import itertools
from itertools import islice


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(10)
try:
    pairs = list(zip("abc", _gen))
finally:
    _gen.close()
_gen2 = produce(10)
try:
    head = list(itertools.islice(_gen2, 3))
finally:
    _gen2.close()
_gen3 = produce(10)
try:
    head2 = sorted(islice(_gen3, 3))
finally:
    _gen3.close()
_gen4 = produce(10)
try:
    small = list(itertools.takewhile(lambda x: x < 3, _gen4))
finally:
    _gen4.close()

_gen5 = produce(10)
try:
    for name, x in zip("ab", _gen5):
        print(name, x)
finally:
    _gen5.close()
