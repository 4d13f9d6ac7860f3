# Negative: closed by hand or managed elsewhere: not open-assign's business
import contextlib
import socket
import subprocess
import unittest


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


class Test(unittest.TestCase):
    def test_entered(self):
        # unittest (3.11+) closes what enterContext enters when the test ends
        f = open(__file__)
        self.enterContext(f)
        sock = socket.socket()
        self.enterContext(sock)
        return f.read(), sock.fileno()

    @classmethod
    def setUpClass(cls):
        proc = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        cls.enterClassContext(proc)
