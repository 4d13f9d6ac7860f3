# A file indented with tabs: the `finally:` and its `if` take tabs too.
def rows(n):
	try:
		yield from range(n)
	finally:
		print("cleanup")


def head(n, c):
	if c:
		for x in (rows(n) if c > 1 else [1]):
			break
		return x
