# `# withify: ignore` on the line keeps every finding there from being fixed; the other line is fixed
data = open("a.txt").read()  # withify: ignore
with open("b.txt") as _fh:
    more = _fh.read()  # a plain comment
