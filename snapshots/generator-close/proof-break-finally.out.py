# Proof: a `break` abandons a generator inside try/finally; the `finally` must have run right after the loop.
state = {"closed": False}


def produce(n):
    try:
        for i in range(n):
            yield i
    finally:
        state["closed"] = True


_gen = produce(10)
try:
    for x in _gen:
        if x == 3:
            break
finally:
    _gen.close()
assert state["closed"], "the generator's finally has not run after the loop"
print("closed after break at", x)
