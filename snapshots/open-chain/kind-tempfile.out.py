# tempfile.TemporaryFile / NamedTemporaryFile / SpooledTemporaryFile are files: with ... as tmp
import tempfile
from tempfile import SpooledTemporaryFile

with tempfile.TemporaryFile() as _tmp:
    _tmp.write(b"scratch")
with tempfile.NamedTemporaryFile("w", suffix=".txt") as _f:
    _f.write("x")
with SpooledTemporaryFile(max_size=10) as _tmp2:
    _tmp2.rollover()
with tempfile.NamedTemporaryFile(delete=False) as _tmp3:
    name = _tmp3.name  # a data attribute; delete=False: the file stays, a with closes it
