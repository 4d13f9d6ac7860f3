# A generator kept through a lazy wrapper inside a branch, or through a branch inside a wrapper: from 3.8 the
# generator is bound where it is made (`(gen := rows(n))`) and closed at the end of the function if it was.
from itertools import islice


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def wrapper_in_branch(n, c, names):
    gen = None
    pairs = zip((gen := rows(n)), names) if c else []
    try:
        for pair in pairs:
            print(pair)
            break
        print("after")
    finally:
        if gen is not None:
            gen.close()


def branch_in_wrapper(n, c, cached):
    gen = None
    it = islice((gen := rows(n)) if c else cached, 2)
    try:
        for x in it:
            return x
    finally:
        if gen is not None:
            gen.close()


def through_and(n, c):
    gen = None
    it = c and enumerate((gen := rows(n)))
    try:
        first = next(it)
        return first
    finally:
        if gen is not None:
            gen.close()


def islice_then_more(n, c):
    # CPython's islice let go of the generator after its second item, before `print`: reported, unsafe
    it = islice(rows(n), 2) if c else iter([])
    for x in it:
        print(x)
    print("after")


def then_kept(n, c, names):
    # `it`, kept after it: CPython dropped `pairs` first, so the fix for `it` is unsafe (left as it is)
    gen = None
    pairs = zip((gen := rows(n)), names) if c else []
    try:
        for pair in pairs:
            break
        it = rows(n + 1)
        return next(it)
    finally:
        if gen is not None:
            gen.close()


def in_a_block(n, c):
    # bound inside an `if`: reported, with how to close it
    if n:
        it = enumerate(rows(n)) if c else []
        next(it)
    return n


def two_generators(c):
    # both are made when the branch runs: one name cannot hold them (each reported, not fixed)
    it = zip(rows(1), rows(2)) if c else []
    for x in it:
        break


def two_generators_one_in_a_branch(c):
    # the same with the branch inside the wrapper: reported, not fixed
    it = zip(rows(1) if c else [], rows(2))
    for x in it:
        break


def kept_after_two(c):
    # `it` holds two generators to the end of the function: the fix for `after` is unsafe (left as it is)
    it = zip(rows(1), rows(2)) if c else []
    for x in it:
        break
    after = rows(3)
    return next(after)
