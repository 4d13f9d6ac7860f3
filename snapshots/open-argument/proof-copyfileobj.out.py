# shutil.copyfileobj between two fresh files, then read the copy: PyPy has not flushed it yet
import shutil

with open("src.txt", "w") as f:
    f.write("payload\n" * 3)
with open("src.txt", "rb") as _f, open("dst.txt", "wb") as _fh:
    shutil.copyfileobj(_f, _fh)
with open("dst.txt") as f:
    copied = f.read()
assert copied == "payload\n" * 3, repr(copied)
print(len(copied))
