# `# noqa: CODE` suppresses only the codes it names; a multi-line finding is covered from any of its lines
a = open("a.txt").read()  # noqa: WFY101
b = open("b.txt").read()  # noqa: E501
c = open(
    "c.txt",  # noqa:WFY101,WFY102
).read()
