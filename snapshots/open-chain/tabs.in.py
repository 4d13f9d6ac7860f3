# Tab-indented file: the new block is indented with tabs
def save(path, data):
	if data:
		open(path, "w").write(data)
	return open(path).read()
