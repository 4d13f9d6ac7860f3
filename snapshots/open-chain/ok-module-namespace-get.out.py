# The module itself, through `sys.modules.get(__name__)` or `importlib.import_module(__name__)`: `vars()` of it lists
# a name a `with … as _f:` at module level would add. Not fixed.
import importlib
import sys

data = open(__file__).read()

public = sorted(k for k in vars(sys.modules.get(__name__)) if not k.startswith("__"))
names = dir(importlib.import_module(__name__))
