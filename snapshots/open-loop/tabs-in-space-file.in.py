# A file indented with spaces, but for one function indented with tabs: the new block there
# is indented with a tab too.


def first(p):
    return len(p)


def count(p):
	n = 0
	for line in open(p):
		n += 1
	else:
		n += 100
	return n


def lines(p):
	if p: return [l for l in open(p)]
