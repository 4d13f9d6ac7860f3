def rows():
    try:
        yield 1
        yield 2
    finally:
        print("closed")


def gen(n):
    return n * 2


# `locals()` after the loop would list the name the fix adds. Reported, not fixed.
def first_and_locals():
    for r in rows():
        break
    return sorted(locals())


# `eval` may read a global by name: the new name is none of the module's (`gen` is a function here).
def first_then_eval():
    gen2 = rows()
    try:
        for r in gen2:
            break
    finally:
        gen2.close()
    return eval("gen(r)")
