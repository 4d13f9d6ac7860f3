# Fixed: what the unknown calls return is looked at, stored as data, or handed on only after the close, and
# the raise names neither the file nor what holds it. Nothing registers the file with something that lives on.
import unittest

def read_header(f):
    return f.readline().strip()

def parse(f):
    return [l.strip() for l in f]

def validate(x):
    return bool(x)

class T(unittest.TestCase):
    def test_header(self):
        f = open(__file__)
        self.assertEqual(read_header(f), "import unittest")
        rest = f.read()
        f.close()
        self.assertTrue(rest)

class Config:
    def __init__(self, path):
        f = open(path)
        self.header = read_header(f)
        self.body = f.read()
        f.close()

def counts(path):
    out = {}
    f = open(path)
    out["header"] = read_header(f)
    out["n"] = len(f.read())
    f.close()
    return out

def later(path):
    f = open(path)
    cfg = parse(f)
    n = len(cfg)
    f.close()
    validate(cfg)
    return n

def caught(path):
    f = open(path)
    hdr = read_header(f)
    try:
        if not hdr:
            raise ValueError("empty")
    except ValueError:
        hdr = "?"
    data = f.read()
    f.close()
    return hdr, data

def validated(path):
    f = open(path)
    hdr = read_header(f)
    if not hdr:
        raise ValueError("empty")
    data = f.read()
    f.close()
    return hdr, data

import logging
log = logging.getLogger("x")
def logs(path):
    f = open(path)
    log.info("header %s", read_header(f))
    data = f.read()
    f.close()
    return data

if __name__ == "__main__":
    print(Config(__file__).header, counts(__file__)["header"], later(__file__), caught(__file__)[0], validated(__file__)[0], len(logs(__file__)))
    unittest.main(argv=["x"], exit=False)
