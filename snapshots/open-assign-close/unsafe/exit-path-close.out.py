# The same with `--unsafe-fixes`: each finding says what the close does on a path that leaves before it
import contextlib
import os
import sqlite3
import tarfile
import wave


def first_match(cmd, word):
    with os.popen(cmd) as pipe:
        for line in pipe:
            if word in line:
                return line
    return None


def pack(path, paths):
    with tarfile.open(path, "w") as t:
        for p in paths:
            if not os.path.exists(p):
                return False
            t.add(p)
    return True


def load(p, rows, factory):
    with contextlib.closing(sqlite3.connect(p, factory=factory)) as conn:
        for r in rows:
            conn.execute("insert into t values (?)", (int(r),))


def save(path, channels, frames):
    with open(path, "wb") as f:
        with wave.open(f) as w:
            w.setnchannels(channels)
            w.setsampwidth(2)
            w.setframerate(44100)
            w.writeframes(frames)
