# Proof: next() abandons a generator suspended inside a `with`; the `__exit__` must have run after the statement.
events = []


class Held:
    def __enter__(self):
        events.append("enter")
        return self

    def __exit__(self, *exc):
        events.append("exit")
        return False


def produce():
    with Held():
        yield 1
        yield 2


_gen = produce()
try:
    first = next(_gen)
finally:
    _gen.close()
assert events == ["enter", "exit"], events
print("first", first, events)
