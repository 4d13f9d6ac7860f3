# One attribute of the module by its name (`setattr`, `getattr`, `.attr`): no list of its names, and the fix's new
# name is none of them. Fixed.
import sys

with open(__file__) as _f:
    data = _f.read()

setattr(sys.modules[__name__], "VERSION", "1.0")
debug = getattr(sys.modules[__name__], "DEBUG", False)
