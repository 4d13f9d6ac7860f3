# A file indented with tabs keeps tabs
def size(path):
	with open(path, "rb") as f:
		data = f.read()
	if not data:
		return 0
	return len(data)
