# Not fixed: a `with` item's wrapper that leaves the file in something that outlives the block. CPython keeps the
# file open while that lives; `with open(p) as f, wrapper(f) as w:` would close it under it at the block's end.
import contextlib
import logging
import io
import os
import tarfile
import zipfile


def redirected_then_used(p):
    # `redirect_stdout(f)` hands `f` itself to `out`: written to after the block
    with contextlib.redirect_stdout(open(p, "w")) as out:
        print("inside")
    print("after", file=out)


def member_after(p):
    # the member reads the file the archive was given, after the block
    with zipfile.ZipFile(open(p, "rb")) as z:
        member = z.open(z.namelist()[0])
    return member.read()


def tar_member_after(p):
    with tarfile.open(fileobj=open(p, "rb")) as tar:
        member = tar.extractfile("a.txt")
    return member.read()


def tar_used_after(p):
    # `TarFile.close()` keeps `fileobj`
    with tarfile.open(fileobj=open(p, "rb")) as tar:
        pass
    return tar.getnames()


OUT = None


def kept_globally(p):
    # the target is a global the module keeps
    global OUT
    with contextlib.redirect_stdout(open(p, "w")) as OUT:
        print("inside")


class Holder:
    def load(self, p):
        with tarfile.open(fileobj=open(p, "rb")) as self.tar:
            self.tar.getnames()


# Unsafe (--unsafe-fixes, unsafe/header-kept-notes): the handler keeps `sys.stderr`; the end of the archive is
# flushed when `tar` goes under CPython, at the block's end with a `with`
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
