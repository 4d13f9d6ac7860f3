# a file indented with tabs keeps its tabs
def total(p):
	n = 0
	if p:
		for line in open(p):
			n += int(line)
	return n
