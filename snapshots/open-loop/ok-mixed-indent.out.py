# A function indented with a tab then four spaces: reported with the line, not fixed.
def count(p):
	    n = 0
	    for line in open(p):
	        n += 1
	    return n
