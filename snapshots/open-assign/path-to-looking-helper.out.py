# A function of the file given the path that only looks at it (a logger, its size): it writes nothing, fixed
import logging
import os

log = logging.getLogger(__name__)


def info(msg, *args):
    log.info(msg, *args)


def size_of(path):
    return os.path.getsize(path)


def save(path, data):
    with open(path, "w") as f:
        f.write(data)
    info("wrote %s", path)
    print(size_of(path))
