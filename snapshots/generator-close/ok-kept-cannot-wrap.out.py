def rows(path):
    with open(path) as f:
        yield from f


# The statement after the assignment continues its logical line: there is no line to put `try:` on.
def first_row(path):
    it = rows(path); \
        head = next(it)
    return head


# Each line of the body is indented by a tab and four spaces: no one unit to indent the moved lines with.
def second_row(path):
	    it = rows(path)
	    next(it)
	    return next(it)


# The rest of the function already nests as deep as Python allows: one more block would not compile.
def deep(path, grid):
    it = rows(path)
    head = next(it)
    for _ in grid:
        for _ in grid:
            for _ in grid:
                for _ in grid:
                    for _ in grid:
                        for _ in grid:
                            for _ in grid:
                                for _ in grid:
                                    for _ in grid:
                                        for _ in grid:
                                            for _ in grid:
                                                for _ in grid:
                                                    for _ in grid:
                                                        for _ in grid:
                                                            for _ in grid:
                                                                for _ in grid:
                                                                    for _ in grid:
                                                                        for _ in grid:
                                                                            for _ in grid:
                                                                                for _ in grid:
                                                                                    print(head)
    return head
