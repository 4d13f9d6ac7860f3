# The function keeps an exception past its handler: its traceback holds the frame, and `tmp` in it, so CPython
# removed the directory only when that exception went. The `with` removes it at the end of the function: unsafe.
import os
import tempfile

ERRORS = []


def build(spec):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        try:
            os.mkdir(os.path.join(tmp.name, spec))
        except OSError as e:
            ERRORS.append(e)
        return len(os.listdir(tmp.name))
