# a file indented with tabs keeps its tabs
def total(p):
	n = 0
	if p:
		with open(p) as f:
			for line in f:
				n += int(line)
	return n
