# An annotated assignment is a binding like any other: the `with` takes the place of the value, and the
# annotation stays, bare, on the line before (a function never evaluates it). A module evaluates it after
# the value, into `__annotations__`: there it would run before the open, so it is reported
import json
import socket
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


def send(addr):
    # An annotation that names the socket class sets nothing of the `socket` module
    sock: socket.socket = socket.socket()
    sock.connect(addr)
    sock.sendall(b"x")


def keep(path):
    # `Final` needs its value: reported
    f: t.Final = open(path)
    return f.read()
