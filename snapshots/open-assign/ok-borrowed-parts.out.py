import os
import subprocess
import sys
import tarfile
import zipfile


def tar_member(path):
    # Not fixed: the member reads `raw` when it is read, after the archive's last use.
    raw = open(path, "rb")
    tf = tarfile.open(fileobj=raw)
    member = tf.extractfile("m")
    return member.read()


def sniff(path):
    # Not fixed: `cat` opens the descriptor by its path, after the file's last use.
    f = open(path, "rb")
    os.set_inheritable(f.fileno(), True)
    dev = "/dev/fd/%d" % f.fileno()
    magic = f.read(2)
    out = subprocess.run(["cat", dev], close_fds=False, capture_output=True)
    return magic, out.stdout


def number(path):
    # Not fixed: the descriptor's number lives on in the text.
    f = open(path, "rb")
    s = str(f.fileno())
    f.read(1)
    return os.pread(int(s), 3, 0)


def shared(path):
    # Not fixed: closing `g` would close the descriptor `f` reads through.
    f = open(path, "rb", buffering=0)
    g = os.fdopen(f.fileno(), "rb", buffering=0)
    b = g.read(1)
    return b, f.read(3)


def emit(data):
    # Not fixed: closing `out` would close the process's standard output.
    out = os.fdopen(sys.stdout.fileno(), "w")
    out.write(data)
    out.flush()
    print("after emit", flush=True)
