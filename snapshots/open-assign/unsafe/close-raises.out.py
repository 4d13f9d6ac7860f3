# A close that may do what dropping the object never did is an unsafe fix: a subclass's own close() (the drop
# never called it), and a close that raises where __del__ only printed "Exception ignored".
import contextlib
import shelve
import sqlite3
import wave


class AutoCommit(sqlite3.Connection):
    def close(self):
        self.commit()
        super().close()


def add(path, value):
    # Closing runs AutoCommit.close(), which commits: dropping the connection rolled back
    with contextlib.closing(sqlite3.connect(path, factory=AutoCommit)) as cx:
        cx.execute("insert into t values (?)", (value,))


def tone(path, frames):
    # Closing raises wave.Error when no frame was given: the parameters were never set
    with wave.open(path, "wb") as w:
        if not frames:
            return "empty"
        w.setnchannels(1)
        w.setsampwidth(1)
        w.setframerate(8000)
        w.writeframes(frames)
        return "ok"


def remember(path, key, value):
    # Closing writes the cached entries back, and raises what pickling them raises
    with shelve.open(path, writeback=True) as sh:
        sh[key] = [value]
        return len(sh[key])
