# `ｆ` is `f` to Python (PEP 3131, NFKC): the new name must not be `f`.
def load(p):
    ｆ = "keep"
    data = open(p).read()
    return data + ｆ
