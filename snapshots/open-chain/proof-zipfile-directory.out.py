# Proof: a zip archive written with zipfile.ZipFile(...).writestr() must have its central directory
import os
import tempfile
import zipfile

path = os.path.join(tempfile.mkdtemp(), "bundle.zip")
with zipfile.ZipFile(path, "w") as _archive:
    _archive.writestr("hello.txt", "hello")
with zipfile.ZipFile(path) as archive:
    print(archive.namelist())
