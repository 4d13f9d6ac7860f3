# A file indented with tabs: the `finally:` and its `if` take tabs too.
def rows(n):
	try:
		yield from range(n)
	finally:
		print("cleanup")


def head(n, c):
	if c:
		gen = None
		try:
			for x in ((gen := rows(n)) if c > 1 else [1]):
				break
		finally:
			if gen is not None:
				gen.close()
		return x
