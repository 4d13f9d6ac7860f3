# tempfile.TemporaryFile / NamedTemporaryFile / SpooledTemporaryFile are files: with ... as tmp
import tempfile
from tempfile import SpooledTemporaryFile

tempfile.TemporaryFile().write(b"scratch")
tempfile.NamedTemporaryFile("w", suffix=".txt").write("x")
SpooledTemporaryFile(max_size=10).rollover()
name = tempfile.NamedTemporaryFile(delete=False).name  # a data attribute; delete=False: the file stays, a with closes it
