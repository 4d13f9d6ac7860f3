# A file handed to a function withify does not know and closed only in a branch: on the other path it is left open
# (on PyPy, unflushed until the GC runs). Reported (`f.close()` may not run on every path). One given to the caller
# on one path and closed on the other (`return f`) is reported as returned; one a `with` of its name closes is not.
import socket


def helper(f):
    return 1


def run(path, arg):
    f = open(path, "a")
    helper(f)
    f.write("x")
    if arg:
        f.close()


def opened(path):
    f = open(path)
    if f.readline()[:2] != "\\x":
        f.seek(0, 0)
        return f
    f.close()
    raise NotImplementedError("binary")


def duplicated():
    sock = socket.socket()
    with sock:
        other = sock.dup()
        sock.close()
        with other:
            return other.get_inheritable()
