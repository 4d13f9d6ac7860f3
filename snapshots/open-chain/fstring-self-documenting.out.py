# An f-string field that ends in `=` prints the text of its expression: rewriting the call inside it
# would change what is printed, so it is reported and left alone. A field without `=` is fixed.


def show(p):
    print(f"{open(p).read()=}")
    with open(p) as f:
        print(f"{f.read()!r:>10}")
