# A module that lists its exports in a literal `__all__`: `from m import *` exports only those,
# so a new name is public, and not one the list names (a module `__getattr__` may serve it)
__all__ = ["DATA", "f"]
__all__ += ["fh"]

DATA = open(__file__).read()


def __getattr__(name):
    if name in ("f", "fh"):
        return "lazy " + name
    raise AttributeError(name)
