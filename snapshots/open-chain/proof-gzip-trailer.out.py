# Proof: a gzip file written with gzip.open(...).write() must be complete (trailer written) when read
import gzip as gz
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "data.gz")
with gz.open(path, "wb") as _f:
    _f.write(b"payload " * 1000)
with gz.open(path, "rb") as f:
    data = f.read()
print(len(data))
assert len(data) == 8000, "the gzip stream was not finished"
