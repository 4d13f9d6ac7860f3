# `wave.open(f)` given no mode takes `f.mode`: the code writes to what it makes (`w.setnchannels`), so it may be
# a writer, whose close raises `wave.Error` where its parameters were never set (dropping it only printed that).
import wave


def make(f):
    w = wave.open(f)
    w.setnchannels(1)
    return "made"
