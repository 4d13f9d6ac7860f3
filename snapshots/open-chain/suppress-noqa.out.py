# A bare `# noqa` (any case) suppresses its line; `# noqa: reviewed` names no code and, as in Ruff, nothing; nor does "# noqa" in a string
a = open("a.txt").read()  # noqa
b = open("b.txt").read()  # NOQA
with open("c.txt") as _fp:
    c = _fp.read()
s = "# noqa"
with open("d.txt") as _f2:
    d = _f2.read()  # noqa: reviewed
