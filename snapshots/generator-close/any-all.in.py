# any() and all() stop at the first answer; sum() and list() read to the end and are left alone.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


found = any(x > 3 for x in produce(10))
ok = all(produce(5))
total = sum(produce(5))
items = list(produce(5))


def has_big(n):
    return any(x > 3 for x in produce(n) if x % 2)
