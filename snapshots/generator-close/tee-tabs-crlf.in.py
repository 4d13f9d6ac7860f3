# `a, b = tee(rows(n))` in a function indented with tabs, in a file with CRLF line endings, a comment and a
# triple-quoted string in the rest of the function: the tabs, the CRLF, the comment and the string's lines are kept.
from itertools import tee


def rows(n):
	try:
		yield from range(n)
	finally:
		print("done")


def peek(n):
	a, b = tee(rows(n))  # two readers
	# only the first is read
	first = next(a)
	note = """read
	one"""
	return first, note
