# A file indented with tabs, but for one function indented with spaces: the new block there
# is indented with spaces too (a tab would mix the two, which Python rejects).


def first(p):
	return len(p)


def count(p):
    n = 0
    for line in open(p):
        n += 1
    else:
        n += 100
    return n
