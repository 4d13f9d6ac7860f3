# a file indented with tabs keeps its tabs
import json


def load(p):
	if p:
		with open(p) as f:
			data = json.load(f)
		return data
	with open("default.json") as fh:
		return json.load(fh)
