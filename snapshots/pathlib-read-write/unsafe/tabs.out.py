# Tabs stay tabs, the fix sits inside nested blocks
from pathlib import Path
class Loader:
	def load(self, paths):
		if paths:
			return [Path(p).read_text() for p in paths]
		return sorted(paths, key=lambda p: Path(p).read_bytes())
