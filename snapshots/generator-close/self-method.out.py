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
        gen = self.rows()
        try:
            return next(gen)
        finally:
            gen.close()

    def find(self, wanted):
        gen = self.rows()
        try:
            for row in gen:
                if row == wanted:
                    return row
        finally:
            gen.close()

    def small(self):
        gen = self.numbers(10)
        try:
            for n in gen:
                if n > 3:
                    break
        finally:
            gen.close()
