# One-line with, def and class-method bodies
import threading

lock = threading.Lock()


def locked_read(path):
    with lock:
        with open(path) as f:
            return f.read()


def tail(path):
    with open(path) as f:
        return f.readlines()[-1]
