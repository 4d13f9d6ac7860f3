# `tmp.name` read in a list, set or dict comprehension: it runs where it stands, in the function (review rw1).
# A generator expression is lazy, and may be read after the function returns: not flagged.
import os
import tempfile


def build(names):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        paths = [os.path.join(tmp.name, n) for n in names]
        for p in paths:
            with open(p, "w") as f:
                f.write(p)
        return sorted(os.listdir(tmp.name))


def sizes(names):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        made = {n: os.path.join(tmp.name, n) for n in names}
        return {n: os.path.exists(p) for n, p in made.items()}


def lazy(names):
    tmp = tempfile.TemporaryDirectory()
    return (os.path.join(tmp.name, n) for n in names)
