# Default values and decorator arguments are evaluated once, where no with fits
from pathlib import Path
import functools


def configure(text=Path("settings.ini").read_text(encoding="utf-8", errors="replace")):
    return text


@functools.lru_cache(maxsize=int(Path("size.txt").read_text()))
def cached(x):
    return x
