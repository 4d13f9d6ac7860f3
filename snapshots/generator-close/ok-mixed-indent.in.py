# A function indented with a tab then four spaces: reported with the line, not fixed.
def rows():
    try:
        yield 1
    finally:
        print("bye")


def first():
	    for x in rows():
	        return x


def head():
	    it = rows()
	    value = next(it)
	    return value
