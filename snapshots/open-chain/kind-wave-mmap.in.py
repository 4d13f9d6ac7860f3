# wave.open and mmap.mmap: with ... as wav / mm
import mmap
import wave


def frames(path):
    if path:
        return wave.open(path, "rb").getnframes()  # frame count


def header(f):
    return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ).read(4)
