# Not followed: a function that returns a generator someone else may hold or go on reading (a global, an
# attribute, a parameter, a cached call), one that may return None or something else, a generator
# expression (closing it would not close `_rows()` on PyPy), and a coroutine.
import functools
import threading

lock = threading.Lock()


def _rows(n):
    with lock:
        yield from range(n)


_shared = _rows(3)


def shared():
    return _shared


def given(gen):
    return gen


def made_by(factory):
    return factory(3)


@functools.lru_cache()
def cached(n):
    return _rows(n)


def maybe(n):
    if n:
        return _rows(n)


def or_list(n):
    if n:
        return _rows(n)
    return []


def wrapped(n):
    return (r for r in _rows(n))


async def coroutine(n):
    return _rows(n)


class Store:
    def __init__(self):
        self._gen = _rows(2)
        self._load = lambda: [1, 2]

    def _items(self):
        with lock:
            yield 1

    def current(self):
        return self._gen

    def loaded(self):
        return self._load()

    def _load(self):
        with lock:
            yield 1


class ListStore(Store):
    def _items(self):
        return [1, 2]


class Base(Store):
    def items(self):
        return self._items()

    def first(self):
        for x in self.items():
            return x


def use(n, s):
    for r in shared():
        break
    for r in given(_shared):
        break
    for r in made_by(_rows):
        break
    for r in cached(n):
        break
    for r in maybe(n):
        break
    for r in or_list(n):
        break
    for r in wrapped(n):
        break
    for r in s.current():
        break
