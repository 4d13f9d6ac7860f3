# `builtins.eval("f(1)")` reads the module's `f` by name: the `as` name avoids every name of the module, as for a bare `eval`
import builtins
import os


def f(x):
    return x + 1


def g(p):
    n = len(open(p).read())
    return builtins.eval("f(1)") + n


print(g(os.devnull))
