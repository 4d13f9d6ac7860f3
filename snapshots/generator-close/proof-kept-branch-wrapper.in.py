# Proof: a generator kept in a variable through a lazy wrapper inside a branch (`zip(rows(), names) if c else []`), or
# through a branch inside a wrapper (`islice(rows() if c else cached, 2)`), must be closed when the function returns;
# the condition runs once, and what the other branch gives is never closed.
from itertools import islice

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


def wrapper_in_branch(flag, cached):
    pairs = zip(rows(5), "abcde") if chosen(flag) else zip(cached, "xyz")
    for pair in pairs:
        break
    assert state["open"] <= 1, "more than one generator open"
    return pair


def branch_in_wrapper(flag, cached):
    it = islice(rows(5) if chosen(flag) else cached, 3)
    for x in it:
        break
    return x


for flag in (True, False):
    cached = Cached([7, 8, 9])
    print(flag, wrapper_in_branch(flag, cached), "open:", state["open"])
    assert state["open"] == 0, "the generator kept through the wrapper has not been closed after the function returned"
    print(flag, branch_in_wrapper(flag, cached), "open:", state["open"])
    assert state["open"] == 0, "the generator kept through islice has not been closed after the function returned"
    print(flag, "closed:", cached.closed)
print("conditions run:", state["conditions"])
