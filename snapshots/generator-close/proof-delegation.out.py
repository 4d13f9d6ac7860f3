# Proof: any() abandons a generator that delegates (`yield from`) to one with a `finally`.
state = {"closed": 0}


def produce(n):
    try:
        yield from range(n)
    finally:
        state["closed"] += 1


def relay(n):
    yield from produce(n)


_gen = relay(10)
try:
    found = any(x > 2 for x in _gen)
finally:
    _gen.close()
assert state["closed"] == 1, state
print("found", found, state)
