# tempfile.TemporaryFile / NamedTemporaryFile / SpooledTemporaryFile are files: with ... as tmp
import tempfile
from tempfile import SpooledTemporaryFile

with tempfile.TemporaryFile() as tmp:
    tmp.write(b"scratch")
with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
    f.write("x")
with SpooledTemporaryFile(max_size=10) as tmp2:
    tmp2.rollover()
with tempfile.NamedTemporaryFile(delete=False) as tmp3:
    name = tmp3.name  # a data attribute; delete=False: the file stays, a with closes it
