# Tab indentation is kept: the new block is indented with a tab too.
def produce(n):
	try:
		yield from range(n)
	finally:
		print("cleanup")


def head(n):
	gen = produce(n)
	try:
		for x in gen:
			if x:
				break
	finally:
		gen.close()
	return x
