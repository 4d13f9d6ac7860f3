# tabs and CRLF line ends: the `with` indents by a tab and ends its lines with CRLF
import csv


def rows(path):
	with open(path) as f:
		yield from csv.reader(f)


class Reader:
	def lines(self, path):
		if path:
			with open(path) as f:
				yield from f
