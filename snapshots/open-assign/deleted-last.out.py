# A `del f` that ends what the `with` would hold (the last statement of an `if` at the end): nothing runs between the
# `del` and the end of the `with`, which closes the file there as CPython did.
def save(p, c):
    with open(p, "w") as f:
        f.write("x")
        if c:
            del f
    print("done")
