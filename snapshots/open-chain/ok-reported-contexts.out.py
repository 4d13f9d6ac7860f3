# Reported without a fix: lazy, conditional and header contexts, class bodies, yields, later evaluation
import tarfile

read = lambda p: open(p).read()
texts = [open(p).read() for p in ["a", "b"]]
lazy = (open(p).read() for p in ["a"])
maybe = open("a").read() if texts else ""
either = texts or open("b").read()


def default(p=open("c").read()):
    return p


if open("d").read():
    pass

while open("e").read():
    break


class Config:
    text = open("f").read()


def gen(p):
    yield open(p).read()


def later(p, q):
    return compute() + open(p).read()


def member(p):
    return tarfile.open(p).extractfile("x")


assert open("g").read()
