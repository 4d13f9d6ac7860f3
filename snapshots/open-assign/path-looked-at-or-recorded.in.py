# `os.chmod(p)`, `os.replace(tmp, p)` change no byte of the file; fixed
import os, json, stat

def script(p):
    f = open(p, "w")
    f.write("#!/bin/sh\necho hi\n")
    os.chmod(p, 0o755)

def atomic(p, d):
    tmp = p + ".tmp"
    f = open(tmp, "w")
    json.dump(d, f)
    os.replace(tmp, p)
