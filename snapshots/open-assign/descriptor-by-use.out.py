# A name given to open() and to a call that takes only a descriptor is the file's descriptor: the `with` holds
# its uses
import os


def save(out, text):
    with open(out, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(out)
    return "synced"


def save_pair(pair, data):
    with open(pair[0], "w") as f:
        f.write(data)
        f.flush()
        return os.lseek(pair[0], 0, os.SEEK_CUR)
