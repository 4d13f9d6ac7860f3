# A file indented with tabs keeps tabs
def copy(src, dst):
	f = open(src, "rb")
	data = f.read()
	if not data:
		return None
	f.close()
	g = open(dst, "wb")
	g.write(data)
	g.close()
	return len(data)
