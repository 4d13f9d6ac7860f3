# Negative space: nothing here drops a resource that open-chain should rewrite
import contextlib


def read(p):
    with open(p) as f:
        return f.read()


def handle(p):
    return open(p)


def closes(p):
    open(p, "w").close()


def entered(stack, p):
    return stack.enter_context(open(p))


class Holder:
    def __init__(self, p):
        self.f = open(p)
