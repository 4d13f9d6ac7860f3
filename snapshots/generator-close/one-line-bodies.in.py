# One-line compound statements and `;`-joined statements are expanded into blocks.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def pick(flag, n):
    if flag: first = next(produce(n))
    else: first = None
    print(flag); value = next(produce(n)); print(value)
    for x in produce(n): break
    return first
