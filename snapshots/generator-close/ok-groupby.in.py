# Reported, not fixed: `groupby` hands out groups that read the generator itself; a group kept after the
# loop would be cut short by the close.
import threading
from itertools import groupby

lock = threading.Lock()


def rows():
    with lock:
        yield from [1, 1, 2, 3]


def first_group():
    for key, group in groupby(rows()):
        return group


def first_key():
    for key, group in groupby(rows(), key=lambda r: r % 2):
        if key:
            return key
