# `os.chmod(p)`, `os.replace(tmp, p)` change no byte of the file; fixed
import os, json, stat

def script(p):
    with open(p, "w") as f:
        f.write("#!/bin/sh\necho hi\n")
    os.chmod(p, 0o755)

def atomic(p, d):
    tmp = p + ".tmp"
    with open(tmp, "w") as f:
        json.dump(d, f)
    os.replace(tmp, p)
