# The caller gets the wrapper, which closes the file it wraps, as `return open(p)` gives it the file
import io


def reader(p, enc):
    return io.TextIOWrapper(open(p, "rb"), encoding=enc)
