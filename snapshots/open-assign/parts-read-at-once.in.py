# Fixed: the archive's member is read (or closed by its own with) where it is handed out; a stack holding
# an io wrapper closes the file with it (left alone).
import zipfile, tarfile, contextlib, io

def eager(path):
    raw = open(path, "rb")
    zf = zipfile.ZipFile(raw)
    data = zf.open("a.txt").read()
    return data

def inwith(path):
    raw = open(path, "rb")
    zf = zipfile.ZipFile(raw)
    with zf.open("a.txt") as m:
        data = m.read()
    return data

def names(path):
    raw = open(path, "rb")
    zf = zipfile.ZipFile(raw)
    return zf.namelist()

def stacked(path):
    with contextlib.ExitStack() as stack:
        raw = open(path, "rb")
        t = stack.enter_context(io.BufferedReader(raw))
        return t.read(2)



def lines(path):
    with contextlib.ExitStack() as stack:
        raw = open(path, "rb")
        text = stack.enter_context(io.TextIOWrapper(raw, encoding="utf-8"))
        return text.readline()

def stream(path):
    stack = contextlib.ExitStack()
    raw = open(path, "rb")
    text = stack.enter_context(io.TextIOWrapper(raw, encoding="utf-8"))
    first = text.readline()
    stack.close()
    return first, raw.closed

