# Proof: a generator kept in a variable through a branch (`… if … else …`, `and`, `or`) must be closed when the function returns, and one used in a branch (`next(…) if d else None`, `d and next(…)`) right after its statement; the condition runs once, and the object the other branch gives is never closed.
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

    def __next__(self):
        return self.items[0]

    def close(self):
        self.closed = True


def chosen(flag):
    state["conditions"] += 1
    return flag


def kept_if(flag, cached):
    gen = None
    it = (gen := rows(5)) if chosen(flag) else cached
    try:
        for x in it:
            if x > 1:
                break
        assert state["open"] <= 1, "more than one generator open"
        return x
    finally:
        if gen is not None:
            gen.close()


def kept_and(flag, cached):
    gen = None
    it = chosen(flag) and (gen := rows(5))
    try:
        first = next(it) if flag else None
        return first
    finally:
        if gen is not None:
            gen.close()


def kept_or(cached):
    gen = None
    it = (gen := rows(5)) or cached
    try:
        return next(it)
    finally:
        if gen is not None:
            gen.close()


def used(flag, cached):
    gen = None
    try:
        first = next((gen := rows(5))) if chosen(flag) else next(cached)
    finally:
        if gen is not None:
            gen.close()
    assert state["open"] == 0, "the generator's finally has not run after the statement"
    gen2 = None
    try:
        second = chosen(flag) and next((gen2 := rows(5)))
    finally:
        if gen2 is not None:
            gen2.close()
    assert state["open"] == 0, "the generator of `and` is still open after the statement"
    return first, second


for flag in (True, False):
    cached = Cached([7, 8, 9])
    print(flag, kept_if(flag, cached), "open:", state["open"])
    assert state["open"] == 0, "the kept generator's finally has not run after the function returned"
    print(flag, kept_and(flag, cached), "open:", state["open"])
    assert state["open"] == 0, "the generator kept through `and` is still open after the function returned"
    print(flag, kept_or(cached), "open:", state["open"])
    assert state["open"] == 0, "the generator kept through `or` is still open after the function returned"
    print(flag, used(flag, cached), "closed:", cached.closed)
print("conditions run:", state["conditions"])
