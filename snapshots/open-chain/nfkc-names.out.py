# `ｆ` is `f` to Python (PEP 3131, NFKC): the new name must not be `f`.
def load(p):
    ｆ = "keep"
    with open(p) as fh:
        data = fh.read()
    return data + ｆ
