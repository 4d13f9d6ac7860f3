# A function indented with a tab then four spaces: reported with the line, not fixed.
def read(p):
	    fh = open(p)
	    data = fh.read()
	    fh.close()
	    return data
