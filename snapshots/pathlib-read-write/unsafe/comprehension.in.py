# List, set and dict comprehensions and a generator expression open one file per item
def load_all(paths):
    texts = [open(p).read() for p in paths]
    blobs = {open(p, "rb").read() for p in paths}
    sizes = {p: open(p, "w").write(p) for p in paths}
    return texts, blobs, sizes, sum(len(open(p).read()) for p in paths)
