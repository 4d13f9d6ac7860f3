# A function indented with a tab then four spaces: reported with the line, not fixed.
import tempfile


def size():
	    tmp = tempfile.TemporaryDirectory()
	    p = tmp.name
	    return len(p)
