# With --unsafe-fixes: a redirected stream the block's code may keep (a logging handler takes `sys.stderr`), and a
# tar archive written over a file it keeps after it closes (CPython flushed the end of the archive when `tar` went).
import contextlib
import io
import logging
import os
import tarfile


def logged(log):
    with open(log, "w") as f, contextlib.redirect_stderr(f):
        logging.basicConfig(level=logging.INFO)
        logging.info("start")
    logging.info("done")


def pack(p, payload):
    with open(p, "wb") as f, tarfile.open(fileobj=f, mode="w") as tar:
        info = tarfile.TarInfo("a.bin")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    return os.path.getsize(p)


# Safe: nothing but `print` in the block; a tar archive read
def quiet():
    with open(os.devnull, "w") as f, contextlib.redirect_stdout(f):
        print("noise")


def unpack(p, d):
    with open(p, "rb") as f, tarfile.open(fileobj=f) as tar:
        tar.extractall(d)
