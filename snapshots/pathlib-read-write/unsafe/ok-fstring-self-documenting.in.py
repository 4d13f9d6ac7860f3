# `Path(p).read_text()` in an f-string field that ends in `=` would print that text instead of the
# original call: left alone.


def show(p):
    print(f"{(lambda: open(p).read())()=}")
