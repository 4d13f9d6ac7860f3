# Tabs stay tabs, the fix sits inside nested blocks
class Loader:
	def load(self, paths):
		if paths:
			return [open(p).read() for p in paths]
		return sorted(paths, key=lambda p: open(p, "rb").read())
