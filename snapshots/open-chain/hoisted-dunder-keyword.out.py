# A keyword that is a dunder (`__annotations__=`, `__getattr__=`) never names the hoisted read: the usual names instead
import os
import sys

registered = []


def register(**kw):
    registered.extend(sorted(kw))


with open(os.devnull) as _f:
    _text = _f.read()
register(__annotations__=_text)
with open(os.devnull, "rb") as _fh:
    _data = _fh.read()
register(__getattr__=_data)
x: int = 1
print(registered, sys.modules[__name__].__annotations__)
try:
    sys.modules[__name__].missing
except AttributeError:
    print("no attribute `missing`")
