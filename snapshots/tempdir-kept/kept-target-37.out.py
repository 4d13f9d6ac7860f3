# Target 3.7: only what may move or remove the directory makes the fix unsafe. `str.replace` (two arguments) and a
# data frame's `rename(columns=…)` are no path's methods; `open`, `os.path.join` and `shutil.copy` keep the
# directory where it is.
import os
import shutil
import sys
import tempfile


def build(text, src):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        path = os.path.join(tmp.name, "out.txt")
        with open(path, "w") as f:
            f.write(text.replace("\t", " "))
        shutil.copy(src, tmp.name)
        return os.path.getsize(path)


def frame(df):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        df = df.rename(columns={"a": "b"})
        df.to_csv(os.path.join(tmp.name, "f.csv"))
        return len(df)


def logged(log, s):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        log.info("working in %s", tmp.name)
        sys.path.insert(0, tmp.name)
        return s.replace(tmp.name, "<tmp>")
