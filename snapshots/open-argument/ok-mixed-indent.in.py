# A function indented with a tab then four spaces: reported with the line, not fixed.
import json


def load(p):
	    data = json.load(open(p))
	    return data
