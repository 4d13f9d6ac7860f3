# Reported, not fixed: a bound method taken without a call keeps the file open for as long as it is kept.
import threading


def save_later(path, text):
    t = threading.Thread(target=open(path, "w").write, args=(text,))
    t.start()
    return t


def reader(path):
    read = open(path).read
    return read

