# any() and all() stop at the first answer; sum() and list() read to the end and are left alone.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


_gen = produce(10)
try:
    found = any(x > 3 for x in _gen)
finally:
    _gen.close()
_gen2 = produce(5)
try:
    ok = all(_gen2)
finally:
    _gen2.close()
total = sum(produce(5))
items = list(produce(5))


def has_big(n):
    gen = produce(n)
    try:
        return any(x > 3 for x in gen if x % 2)
    finally:
        gen.close()
