# Negative: closed by hand or managed elsewhere: not open-assign's business
import contextlib


def closed(path):
    f = open(path)
    data = f.read()
    f.close()
    return data


def entered(stack, path):
    f = open(path)
    stack.enter_context(f)
    return f.read()


def with_name(path):
    f = open(path)
    with f:
        return f.read()


def closing(path):
    f = open(path)
    with contextlib.closing(f):
        return f.read()


class Owner:
    def __init__(self, path):
        self.f = open(path)

    def close(self):
        self.f.close()
