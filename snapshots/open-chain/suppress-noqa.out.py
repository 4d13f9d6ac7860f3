# A bare `# noqa` (any case) suppresses its line; `# noqa: reviewed` names no code and, as in Ruff, nothing; nor does "# noqa" in a string
a = open("a.txt").read()  # noqa
b = open("b.txt").read()  # NOQA
with open("c.txt") as fp:
    c = fp.read()
s = "# noqa"
with open("d.txt") as f2:
    d = f2.read()  # noqa: reviewed
