# Before Python 3.8, TemporaryDirectory's cleanup raises FileNotFoundError for a directory the code moved away,
# which the finalizer only printed: with target 3.7 the fix is unsafe (3.8 and later ignore it: kept-in-function)
import os
import pathlib
import shutil
import tempfile


def build(dest):
    tmp = tempfile.TemporaryDirectory()
    with open(os.path.join(tmp.name, "a.txt"), "w") as f:
        f.write("x")
    shutil.move(tmp.name, dest)
    return dest


def publish(dest, build):
    tmp = tempfile.TemporaryDirectory()
    build(tmp.name)
    pathlib.Path(tmp.name).rename(dest)
    return dest
