# A name, mode or encoding read after the close: a closed file answers them as the open one did
import tempfile


def save(text):
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt") as tmp:
        tmp.write(text)
    return tmp.name


def describe(p):
    with open(p, encoding="utf-8") as f:
        first = f.readline()
    return "%s (%s, %s): %s" % (f.name, f.mode, f.encoding, first)


def still_reported(p):
    # reported: `closed` after the close is no such read (an exception caught before it would show it open)
    f = open(p)
    data = f.read()
    f.close()
    return data, f.closed
