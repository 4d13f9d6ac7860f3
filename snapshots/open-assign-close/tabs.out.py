# A file indented with tabs keeps tabs
def copy(src, dst):
	with open(src, "rb") as f:
		data = f.read()
		if not data:
			return None
	with open(dst, "wb") as g:
		g.write(data)
	return len(data)
