# a file indented with tabs keeps its tabs
import json


def load(p):
	if p:
		data = json.load(open(p))
		return data
	return json.load(open("default.json"))
