# A process whose pipes the code closes by hand is no finding of WFY105 (as a file closed by hand is none), nor
# is one that asks for no pipe: a file, a descriptor, a number, DEVNULL through a name.
import os
import subprocess
import sys


def feed(cmd, data):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    p.stdin.write(data)
    p.stdin.close()
    p.wait()
    return p.returncode


def output(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    with p.stdout as pipe:
        data = pipe.read()
    p.wait()
    return data


def quiet(cmd, background, path):
    inout = subprocess.DEVNULL if background else None
    fd = os.open(os.devnull, os.O_RDONLY)
    with open(path, "wb") as log:
        p = subprocess.Popen(cmd, stdin=fd, stdout=log, stderr=inout)
        p.wait()
    os.close(fd)
    return p.returncode


def spawn(cmd):
    # A factory: the caller owns the process, and its pipe
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=sys.stderr)
    return p
