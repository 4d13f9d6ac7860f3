# wave.open and mmap.mmap: with ... as wav / mm
import mmap
import wave


def frames(path):
    if path:
        with wave.open(path, "rb") as wav:
            return wav.getnframes()  # frame count


def header(f):
    with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mm:
        return mm.read(4)
