# Nested loops each get their own fresh name; a `break` of the inner loop does not count for the outer.
def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup", n)


def grid(n):
    gen = produce(n)
    try:
        for row in gen:
            gen2 = produce(row)
            try:
                for col in gen2:
                    if col > 2:
                        break
            finally:
                gen2.close()
            if row > 4:
                return row
    finally:
        gen.close()


def inner_only(n):
    for row in produce(n):
        gen = produce(row)
        try:
            for col in gen:
                if col:
                    break
        finally:
            gen.close()


def inner_else(n):
    # A `break` in the inner loop's `else:` leaves the outer loop.
    gen = produce(n)
    try:
        for row in gen:
            for col in range(row):
                if col:
                    break
            else:
                break
    finally:
        gen.close()
