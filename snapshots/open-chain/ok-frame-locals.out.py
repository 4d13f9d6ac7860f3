# A helper reads its caller's variables through `sys._getframe(1).f_locals`: an `as` name would show in them, so no fix
import os
import sys


def show():
    return sorted(sys._getframe(1).f_locals)


def g(p):
    n = len(open(p).read())
    return show()


print(g(os.devnull))
