# A file indented with tabs keeps tabs
def size(path):
	f = open(path, "rb")
	data = f.read()
	if not data:
		return 0
	return len(data)
