# Tabs and a class nested in a function
def factory():
	class Worker:
		def __del__(self):  # expect: WFY110
			self.proc.terminate()
	return Worker
