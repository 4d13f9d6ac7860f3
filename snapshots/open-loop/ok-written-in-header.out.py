# A file written to by a consumer in a loop's header (`json.dump`, `shutil.copyfileobj`'s destination): CPython
# closed, and flushed, it as the consumer returned, before the loop ran; a `with` around the loop would hold it
# unflushed while the body reads the path back. Reported, not fixed (as `.write()` there is).
import base64
import json
import shutil


def save_then_show(path, data):
    for _ in range(1 + (json.dump(data, open(path, "w")) or 0)):
        print("body sees", show(path))


def copy_then_show(src, path):
    for _ in range(1 + (shutil.copyfileobj(src, open(path, "w")) or 0)):
        print("body sees", show(path))


def show(path):
    with open(path) as f:
        return f.read()


def printed_then_show(path):
    for _ in range(print("hello", file=open(path, "w+")) or 1):
        print("body sees", show(path))


def printed_plus(p):
    # `print(…, file=…)` writes to a file opened "r+"
    for _ in range(print("hello", file=open(p, "r+")) or 1):
        print(repr(open(p).read()))


def encoded_plus(src, p):
    # a file opened "r+b" given to a call not known to only read it (`base64.encode` writes its second argument)
    for _ in range(base64.encode(src, open(p, "r+b")) or 1):
        print(repr(open(p, "rb").read()))
