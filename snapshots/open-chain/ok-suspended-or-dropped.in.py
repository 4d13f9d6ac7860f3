# An await after the file is done with; a descriptor of a file nobody keeps; annotations never evaluated
import os


async def upload_all(p):
    n = await upload(open(p).read())
    return n


def size(p):
    return os.fstat(open(p).fileno()).st_size


def local():
    z: open("data.txt").read() = 3
    return z
