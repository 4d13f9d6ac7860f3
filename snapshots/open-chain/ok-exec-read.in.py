# Negative: the code `exec` or `eval` runs would run with the file still open under a `with`, where CPython closed
# it when `read()` returned (optparse's `Values.read_file`, App Engine's `_execfile`, PyPy's `_pypy_interact`).
# The program below counts the descriptors open on its own file: 0 on CPython before any rewrite.
import os
import sys
import tempfile


def read_file(filename, scope):
    exec(open(filename).read(), scope)


def value_of(path):
    return eval(open(path).read())


if __name__ == "__main__":
    fd, path = tempfile.mkstemp(suffix=".py")
    os.close(fd)
    with open(path, "w") as out:
        out.write("import os\nopen_on_me = sum(os.path.realpath('/proc/self/fd/' + d) == os.path.realpath(me) for d in os.listdir('/proc/self/fd'))\n")
    scope = {"me": path}
    read_file(path, scope)
    print(scope["open_on_me"] if sys.platform == "linux" else 0)
    os.remove(path)
