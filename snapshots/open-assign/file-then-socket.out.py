# A socket or memory map opened while a file is in use gets a with holding the rest of the function; the
# file's with then holds it too (it closes at the return, where CPython closed it), so that both are fixed.
import mmap
import socket


def f(p):
    with open(p) as fh:
        with socket.socket() as s:
            s.settimeout(1)
            data = fh.read()
            print("after", s.gettimeout())
            return data


def g(p):
    with open(p, "rb") as fh:
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mm:
            head = mm[:4]
            return head


def h(p):
    with open(p) as fh:
        data = fh.read()
    with socket.socket() as s:
        s.settimeout(1)
        return data
