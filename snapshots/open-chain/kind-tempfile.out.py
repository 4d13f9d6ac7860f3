# tempfile.TemporaryFile / NamedTemporaryFile / SpooledTemporaryFile are files: with ... as tmp
import tempfile
from tempfile import SpooledTemporaryFile

with tempfile.TemporaryFile() as tmp:
    tmp.write(b"scratch")
with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
    f.write("x")
with SpooledTemporaryFile(max_size=10) as tmp2:
    tmp2.rollover()
name = tempfile.NamedTemporaryFile(delete=False).name  # an attribute, not a method call: not a chain
