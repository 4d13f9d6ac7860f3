# A name, mode or encoding read after the close: a closed file answers them as the open one did
import tempfile


def save(text):
    tmp = tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt")
    tmp.write(text)
    tmp.close()
    return tmp.name


def describe(p):
    f = open(p, encoding="utf-8")
    first = f.readline()
    f.close()
    return "%s (%s, %s): %s" % (f.name, f.mode, f.encoding, first)


def still_reported(p):
    # reported: `closed` after the close is no such read (an exception caught before it would show it open)
    f = open(p)
    data = f.read()
    f.close()
    return data, f.closed
