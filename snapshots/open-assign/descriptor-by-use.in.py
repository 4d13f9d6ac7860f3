# A name given to open() and to a call that takes only a descriptor is the file's descriptor: the `with` holds
# its uses
import os


def save(out, text):
    f = open(out, "w")
    f.write(text)
    f.flush()
    os.fsync(out)
    return "synced"


def save_pair(pair, data):
    f = open(pair[0], "w")
    f.write(data)
    f.flush()
    return os.lseek(pair[0], 0, os.SEEK_CUR)
