# A generator kept through a branch, and a use in a branch, in a file indented with tabs and ending lines with CRLF: both kept.
def rows(n):
	try:
		yield from range(n)
	finally:
		print("rows cleanup", n)


def head(n, c):
	gen = None
	it = (gen := rows(n)) if c else []
	try:
		for r in it:
			break
		gen2 = None
		try:
			x = next((gen2 := rows(n))) if c else None
		finally:
			if gen2 is not None:
				gen2.close()
		return r, x
	finally:
		if gen is not None:
			gen.close()
