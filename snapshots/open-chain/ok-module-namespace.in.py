# The module lists its own names through `sys.modules[__name__]` or a frame's `f_globals`: a `with … as _f:` at
# module level would add `_f` to them. Not fixed (a function's own fix adds a local, which neither lists).
import sys

data = open(__file__).read()

public = sorted(k for k in vars(sys.modules[__name__]) if not k.startswith("__"))
print(public)
