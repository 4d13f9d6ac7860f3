# Methods called as `self.m()` resolve within the class; `@staticmethod` keeps a generator a generator.
import threading


class Store:
    lock = threading.Lock()

    def __init__(self, items):
        self.items = items

    def rows(self):
        with self.lock:
            yield from self.items

    @staticmethod
    def numbers(n):
        try:
            yield from range(n)
        finally:
            pass

    def first(self):
        return next(self.rows())

    def find(self, wanted):
        for row in self.rows():
            if row == wanted:
                return row

    def small(self):
        for n in self.numbers(10):
            if n > 3:
                break
