# `os.chmod(p)` changes no byte of the file: fixed. `os.replace(tmp, p)` is still a writer: what is written to the new
# name later lands in the file CPython's flush went to (reported)
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
