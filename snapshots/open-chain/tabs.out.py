# Tab-indented file: the new block is indented with tabs
def save(path, data):
	if data:
		with open(path, "w") as f:
			f.write(data)
	with open(path) as fh:
		return fh.read()
