# -*- coding: latin-1 -*-
# a latin-1 file stays latin-1: the text around the fix keeps its bytes
import json

label = "café"
with open("out.json", "w") as _f:
    json.dump({"name": label}, _f)
