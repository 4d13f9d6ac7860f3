# A keyword that is a dunder (`__annotations__=`, `__getattr__=`) never names the hoisted read: the usual names instead
import os
import sys

registered = []


def register(**kw):
    registered.extend(sorted(kw))


register(__annotations__=open(os.devnull).read())
register(__getattr__=open(os.devnull, "rb").read())
x: int = 1
print(registered, sys.modules[__name__].__annotations__)
try:
    sys.modules[__name__].missing
except AttributeError:
    print("no attribute `missing`")
