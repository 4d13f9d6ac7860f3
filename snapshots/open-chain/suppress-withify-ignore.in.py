# `# withify: ignore` on the line keeps every finding there from being fixed; the other line is fixed
data = open("a.txt").read()  # withify: ignore
more = open("b.txt").read()  # a plain comment
