import tempfile
import urllib.request


# A data attribute read at once off a resource: the resource is dropped right after, as by a method.
def status(url):
    return urllib.request.urlopen(url).status


def encoding(p):
    enc = open(p).encoding
    return enc


# `delete=False`: the file stays; a `with` only closes it.
def kept_name():
    return tempfile.NamedTemporaryFile(suffix=".txt", delete=False).name


# Without it the file is deleted as the object goes, at once on CPython: the name is of a file that is gone.
# Reported, not fixed.
def temp_name():
    return tempfile.NamedTemporaryFile(suffix=".txt").name
