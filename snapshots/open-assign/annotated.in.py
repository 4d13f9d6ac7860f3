# An annotated assignment is a binding like any other: the `with` takes the place of the value, and the
# annotation stays, bare, on the line before (a function never evaluates it; a module evaluates a plain one
# such as these at no cost, before the open where it ran after it)
import json
import typing as t
from typing import IO


def load(path):
    f: IO[str] = open(path)
    config = json.load(f)
    return config


def first_line(path):
    fh: "t.Optional[IO[str]]" = open(path)  # quoted
    line = fh.readline()
    print(line)


out: t.IO[str] = open(__file__ + ".log", "w")
out.write("start\n")
out = None
