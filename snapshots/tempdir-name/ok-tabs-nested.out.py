# Tabs and nested blocks
import tempfile


class Job:
	def run(self):
		if True:
			self.dir = tempfile.TemporaryDirectory().name  # expect: WFY111
