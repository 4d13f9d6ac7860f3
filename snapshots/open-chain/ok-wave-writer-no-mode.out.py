# `wave.open(f)` given no mode takes `f.mode`: over a file opened "wb" it is a writer, and closing a writer whose
# parameters were never set raises `wave.Error`, which dropping it only printed. The code writes to it: the
# `with` is unsafe, offered only with --unsafe-fixes.
import wave


def mono(f):
    wave.open(f).setnchannels(1)
    return "set"
