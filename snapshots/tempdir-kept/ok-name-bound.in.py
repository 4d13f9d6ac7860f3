# `tmp.name` bound by the code (an unpacking, a loop's target, a `with`'s `as`) is a write, not a read: the
# object's `cleanup()` would remove what it names now, where the finalizer removed the directory it made.
import tempfile


def unpacked(keep):
    tmp = tempfile.TemporaryDirectory()
    [tmp.name] = [keep]
    return tmp.name


def looped(keep):
    tmp = tempfile.TemporaryDirectory()
    for tmp.name in [keep]:
        pass
    return tmp.name


def entered(keep):
    tmp = tempfile.TemporaryDirectory()
    with open(keep) as tmp.name:
        pass
