# consumers named through import aliases, builtins that iterate to the end, str.join, print(file=) and print of the file object itself
import plistlib as pl
import tomllib
from json import load as read_json
from yaml import safe_load


def gather(p, log):
    settings = tomllib.load(open(p, "rb"))
    plist = pl.load(open(p + ".plist", "rb"))
    pl.dump(plist, fp=open(p + ".out", "wb"))
    data = read_json(open(p))
    doc = safe_load(open(p + ".yaml"))
    lines = list(open(p))
    unique = set(open(p))
    ordered = sorted(open(p), key=len)
    text = "".join(open(p))
    raw = b"".join(open(p, "rb"))
    print("done", settings, file=open(log, "a"))
    return tuple(open(p)), lines, unique, ordered, text, raw, data, doc


def show(p):
    print("reading", open(p))
