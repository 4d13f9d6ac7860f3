# A TemporaryDirectory kept in a variable of a function and read only as `.name`: removed at the end of it
import os
import subprocess
import tempfile
from tempfile import TemporaryDirectory as TempDir


def build(src):
    tmp = tempfile.TemporaryDirectory(prefix="build-")
    out = os.path.join(tmp.name, "out")
    # the copy happens inside the directory
    subprocess.run(["cp", src, out], check=True)
    return os.path.getsize(out)


def listing(files):
    """Through an import alias; a multi-line string stays as it is."""
    work = TempDir()
    for name in files:
        open(os.path.join(work.name, name), "w").close()
    report = """
    files made:
        %s
""" % sorted(os.listdir(work.name))
    return report
