# One-line with, def and class-method bodies
import threading

lock = threading.Lock()


def locked_read(path):
    with lock: return open(path).read()


def tail(path): return open(path).readlines()[-1]
