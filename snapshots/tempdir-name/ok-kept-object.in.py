# The object is kept: nothing to report
import tempfile

tmp = tempfile.TemporaryDirectory()
path = tmp.name
with tempfile.TemporaryDirectory() as d:
    print(d)
other = tempfile.mkdtemp()
