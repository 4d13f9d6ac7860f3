# The same with `--unsafe-fixes`: each finding says what the close does on a path that leaves before it
import os
import sqlite3
import tarfile
import wave


def first_match(cmd, word):
    pipe = os.popen(cmd)
    for line in pipe:
        if word in line:
            return line
    pipe.close()
    return None


def pack(path, paths):
    t = tarfile.open(path, "w")
    for p in paths:
        if not os.path.exists(p):
            return False
        t.add(p)
    t.close()
    return True


def load(p, rows, factory):
    conn = sqlite3.connect(p, factory=factory)
    for r in rows:
        conn.execute("insert into t values (?)", (int(r),))
    conn.close()


def save(path, channels, frames):
    with open(path, "wb") as f:
        w = wave.open(f)
        w.setnchannels(channels)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(frames)
        w.close()
