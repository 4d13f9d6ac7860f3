# A use spelt in letters Python folds to the name (PEP 3131: `ｆ` is `f`): the `with` holds it too.


def save(p):
    with open(p, "w") as f:
        f.write("a")
        ｆ.write("b")
