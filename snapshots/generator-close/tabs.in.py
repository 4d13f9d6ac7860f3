# Tab indentation is kept: the new block is indented with a tab too.
def produce(n):
	try:
		yield from range(n)
	finally:
		print("cleanup")


def head(n):
	for x in produce(n):
		if x:
			break
	return x
