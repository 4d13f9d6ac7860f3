# Reported: `TemporaryDirectory().__enter__()` returns the path, as `.name` does, and drops the object that owns the directory
import tempfile

work = tempfile.TemporaryDirectory().__enter__()  # expect: WFY111
with tempfile.TemporaryDirectory() as kept:
    pass
entered = tempfile.TemporaryDirectory().__enter__  # a bound method kept: it holds the object
