# Proof: any() abandons a generator that delegates (`yield from`) to one with a `finally`.
state = {"closed": 0}


def produce(n):
    try:
        yield from range(n)
    finally:
        state["closed"] += 1


def relay(n):
    yield from produce(n)


found = any(x > 2 for x in relay(10))
assert state["closed"] == 1, state
print("found", found, state)
