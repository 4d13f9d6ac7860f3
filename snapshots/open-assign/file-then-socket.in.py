# A socket or memory map opened while a file is in use gets a with holding the rest of the function; the
# file's with then holds it too (it closes at the return, where CPython closed it), so that both are fixed.
import mmap
import socket


def f(p):
    fh = open(p)
    s = socket.socket()
    s.settimeout(1)
    data = fh.read()
    print("after", s.gettimeout())
    return data


def g(p):
    fh = open(p, "rb")
    mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    head = mm[:4]
    return head


def h(p):
    fh = open(p)
    data = fh.read()
    s = socket.socket()
    s.settimeout(1)
    return data
