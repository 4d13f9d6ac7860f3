# `# noqa: CODE` suppresses only the codes it names; a multi-line finding is covered from any of its lines
a = open("a.txt").read()  # noqa: WFY101
with open("b.txt") as _fh:
    b = _fh.read()  # noqa: E501
c = open(
    "c.txt",  # noqa:WFY101,WFY102
).read()
