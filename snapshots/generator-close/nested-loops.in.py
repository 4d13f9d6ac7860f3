# Nested loops each get their own fresh name; a `break` of the inner loop does not count for the outer.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup", n)


def grid(n):
    for row in produce(n):
        for col in produce(row):
            if col > 2:
                break
        if row > 4:
            return row


def inner_only(n):
    for row in produce(n):
        for col in produce(row):
            if col:
                break


def inner_else(n):
    # A `break` in the inner loop's `else:` leaves the outer loop.
    for row in produce(n):
        for col in range(row):
            if col:
                break
        else:
            break
