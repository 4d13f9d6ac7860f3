import gzip
import io


# A read through `io.TextIOWrapper` or `io.BufferedReader` returns the text (or bytes), read to the end:
# nothing is left for the wrapper once the `with` closes the file under it.
def load_text(path):
    with gzip.open(path) as f:
        return io.TextIOWrapper(f, encoding="utf-8").read()


def first_line(path):
    with open(path, "rb") as f:
        return io.TextIOWrapper(f, encoding="latin-1").readline()


def raw_lines(path):
    with open(path, "rb", buffering=0) as f:
        return io.BufferedReader(f).readlines()


# A write is no such read: the wrapper buffers it, and would flush it to a closed file. Reported, not fixed.
def save_text(path, text):
    io.TextIOWrapper(open(path, "wb"), encoding="utf-8").write(text)
