# A bare `# noqa` (any case) suppresses its line; `# noqa: reviewed` names no code and, as in Ruff, nothing; nor does "# noqa" in a string
a = open("a.txt").read()  # noqa
b = open("b.txt").read()  # NOQA
c = open("c.txt").read(); s = "# noqa"
d = open("d.txt").read()  # noqa: reviewed
