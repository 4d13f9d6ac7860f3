# Default values and decorator arguments are evaluated once, where no with fits
import functools


def configure(text=open("settings.ini", encoding="utf-8", errors="replace").read()):
    return text


@functools.lru_cache(maxsize=int(open("size.txt").read()))
def cached(x):
    return x
