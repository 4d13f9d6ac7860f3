# A generator kept through a branch, and a use in a branch, in a file indented with tabs and ending lines with CRLF: both kept.
def rows(n):
	try:
		yield from range(n)
	finally:
		print("rows cleanup", n)


def head(n, c):
	it = rows(n) if c else []
	for r in it:
		break
	x = next(rows(n)) if c else None
	return r, x
