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
    gen = None
    try:
        for x in ((gen := rows(5)) if chosen(flag) else cached):
            if x > 1:
                break
    finally:
        if gen is not None:
            gen.close()
    assert state["open"] == 0, "the generator's finally has not run after the loop"
    y = None
    gen2 = None
    try:
        for y in chosen(flag or []) and (gen2 := rows(5)):
            break
    finally:
        if gen2 is not None:
            gen2.close()
    assert state["open"] == 0, "the generator of `and` is still open after the loop"
    gen3 = None
    try:
        for z in (gen3 := rows(5)) or cached:
            break
    finally:
        if gen3 is not None:
            gen3.close()
    assert state["open"] == 0, "the generator of `or` is still open after the loop"
    return x, y, z


def statements(flag, cached):
    gen = None
    try:
        first = next((gen := rows(5)) if chosen(flag) else iter(cached))
    finally:
        if gen is not None:
            gen.close()
    assert state["open"] == 0, "the generator's finally has not run after next()"
    gen2 = None
    try:
        found = any((gen2 := rows(5)) if chosen(flag) else cached)
    finally:
        if gen2 is not None:
            gen2.close()
    assert state["open"] == 0, "the generator's finally has not run after any()"
    return first, found


for flag in (True, False):
    cached = Cached([7, 8, 9])
    print(flag, loop(flag, cached), statements(flag, cached), "closed:", cached.closed)
print("conditions run:", state["conditions"])
