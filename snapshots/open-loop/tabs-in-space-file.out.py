# A file indented with spaces, but for one function indented with tabs: the new block there
# is indented with a tab too.


def first(p):
    return len(p)


def count(p):
	n = 0
	with open(p) as f:
		for line in f:
			n += 1
		else:
			n += 100
	return n


def lines(p):
	if p:
		with open(p) as f:
			return [l for l in f]
