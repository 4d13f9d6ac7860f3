# A function indented with a tab then four spaces: a new block could add either, and Python rejects the wrong
# one (TabError), so the finding is reported with the line, not fixed.
def load(p):
	    data = open(p).read()
	    return data
