# One-line compound statements and `;`-joined statements are expanded into blocks.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


def pick(flag, n):
    if flag:
        gen = produce(n)
        try:
            first = next(gen)
        finally:
            gen.close()
    else: first = None
    print(flag)
    gen2 = produce(n)
    try:
        value = next(gen2)
    finally:
        gen2.close()
    print(value)
    gen3 = produce(n)
    try:
        for x in gen3: break
    finally:
        gen3.close()
    return first
