# Proof: a lock file left open keeps its lock on PyPy until the GC runs, so the next call cannot take it
# (BlockingIOError); CPython closed the file, and released the lock, when the function returned.
import fcntl


def update(n):
    with open("proof-lock-held.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        total = n * 2
        return total


print(sum(update(n) for n in range(200)))
