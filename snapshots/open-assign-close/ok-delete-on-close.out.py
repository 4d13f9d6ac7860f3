# A NamedTemporaryFile made with `delete_on_close=False` (3.12) and closed by hand: its `close()` keeps the file,
# deleted only when the object is dropped (on CPython, as the function lets go of it). A `with` would delete it at
# its exit, under the `os.replace(f.name, dest)` that follows the close: reported, not fixed.
import os
import tempfile


def publish(data, dest):
    f = tempfile.NamedTemporaryFile("w", delete_on_close=False, dir=".")
    f.write(data)
    f.close()
    os.replace(f.name, dest)


def publish_flag(data, dest, flag):
    f = tempfile.NamedTemporaryFile("w", delete_on_close=flag, dir=".")
    f.write(data)
    f.close()
    os.replace(f.name, dest)


def publish_options(data, dest, **kw):
    f = tempfile.NamedTemporaryFile("w", **kw)
    f.write(data)
    f.close()
    os.replace(f.name, dest)
