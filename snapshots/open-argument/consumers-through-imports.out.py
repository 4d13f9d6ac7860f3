# consumers named through import aliases, builtins that iterate to the end, str.join, print(file=) and print of the file object itself
import plistlib as pl
import tomllib
from json import load as read_json
from yaml import safe_load


def gather(p, log):
    with open(p, "rb") as f:
        settings = tomllib.load(f)
    with open(p + ".plist", "rb") as fh:
        plist = pl.load(fh)
    with open(p + ".out", "wb") as f2:
        pl.dump(plist, fp=f2)
    with open(p) as f3:
        data = read_json(f3)
    with open(p + ".yaml") as f4:
        doc = safe_load(f4)
    with open(p) as f5:
        lines = list(f5)
    with open(p) as f6:
        unique = set(f6)
    with open(p) as f7:
        ordered = sorted(f7, key=len)
    with open(p) as f8:
        text = "".join(f8)
    with open(p, "rb") as f9:
        raw = b"".join(f9)
    with open(log, "a") as f10:
        print("done", settings, file=f10)
    with open(p) as f11:
        return tuple(f11), lines, unique, ordered, text, raw, data, doc


def show(p):
    with open(p) as f:
        print("reading", f)
