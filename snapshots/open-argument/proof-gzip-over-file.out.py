# Proof: data written through gzip.GzipFile over a file it was given must be complete on disk when read back;
# closing the GzipFile writes the trailer into the file, and only closing the file flushes it
import gzip
import os
import tempfile

path = os.path.join(tempfile.mkdtemp(), "data.gz")


def save(data):
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb") as f:
        f.write(data)


save(b"payload " * 1000)
with gzip.open(path) as f:
    data = f.read()
print(len(data))
assert data == b"payload " * 1000
