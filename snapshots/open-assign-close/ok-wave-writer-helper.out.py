# `wave.open(f)` given no mode takes `f.mode`; the code hands what it makes to a helper that writes to it (or reaches
# a writer's method by `getattr`): it may be a writer, whose close raises `wave.Error` where its parameters were never
# set, which the code never did on a path that leaves early. Not fixed without --unsafe-fixes.
import wave


def fill(w, data):
    if not data:
        raise ValueError("empty")
    w.setnchannels(1)
    w.writeframes(data)


def make(f, data):
    w = wave.open(f)
    fill(w, data)
    w.close()
    return "made"


def by_name(f, data):
    w = wave.open(f)
    getattr(w, "setnchannels")(1)
    w.writeframes(data)
    w.close()
    return "made"
