# Proof: a generator made in a branch (`… if … else …`, `and`, `or`) and abandoned must be closed right after the loop or statement; the condition runs once, and the object the other branch gives is never closed.
state = {"open": 0, "conditions": 0}


def rows(n):
    state["open"] += 1
    try:
        yield from range(n)
    finally:
        state["open"] -= 1


class Cached:
    """What the other branch gives: an object with a `close()` of its own, which nothing may call here."""

    def __init__(self, items):
        self.items = items
        self.closed = False

    def __iter__(self):
        return iter(self.items)

    def close(self):
        self.closed = True


def chosen(flag):
    state["conditions"] += 1
    return flag


def loop(flag, cached):
    for x in (rows(5) if chosen(flag) else cached):
        if x > 1:
            break
    assert state["open"] == 0, "the generator's finally has not run after the loop"
    y = None
    for y in chosen(flag or []) and rows(5):
        break
    assert state["open"] == 0, "the generator of `and` is still open after the loop"
    for z in rows(5) or cached:
        break
    assert state["open"] == 0, "the generator of `or` is still open after the loop"
    return x, y, z


def statements(flag, cached):
    first = next(rows(5) if chosen(flag) else iter(cached))
    assert state["open"] == 0, "the generator's finally has not run after next()"
    found = any(rows(5) if chosen(flag) else cached)
    assert state["open"] == 0, "the generator's finally has not run after any()"
    return first, found


for flag in (True, False):
    cached = Cached([7, 8, 9])
    print(flag, loop(flag, cached), statements(flag, cached), "closed:", cached.closed)
print("conditions run:", state["conditions"])
