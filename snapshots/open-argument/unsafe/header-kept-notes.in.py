# With --unsafe-fixes: a redirected stream the block's code may keep (a logging handler takes `sys.stderr`), and a
# tar archive written over a file it keeps after it closes (CPython flushed the end of the archive when `tar` went).
import contextlib
import io
import logging
import os
import tarfile


def logged(log):
    with contextlib.redirect_stderr(open(log, "w")):
        logging.basicConfig(level=logging.INFO)
        logging.info("start")
    logging.info("done")


def pack(p, payload):
    with tarfile.open(fileobj=open(p, "wb"), mode="w") as tar:
        info = tarfile.TarInfo("a.bin")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    return os.path.getsize(p)


# Safe: nothing but `print` in the block; a tar archive read
def quiet():
    with contextlib.redirect_stdout(open(os.devnull, "w")):
        print("noise")


def unpack(p, d):
    with tarfile.open(fileobj=open(p, "rb")) as tar:
        tar.extractall(d)
