# The file's call moves ahead of the wrapper; its hanging arguments, and a line aligned under a bracket on a hanging
# line, stay where they are.
import gzip
import os


def read(base, name):
    with open(
            os.path.join(base,
                         name), "rb") as f, gzip.GzipFile(fileobj=f) as gz:
        return gz.read()
