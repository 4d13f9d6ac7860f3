# `Table(Generic[T])` is read as a generic class, no subclass of `Store`: its plain `rows` overrides nothing there.
from typing import Generic, TypeVar

T = TypeVar("T")


class Store:
    def rows(self):
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")

    def first(self):
        for r in self.rows():
            return r


class Table(Generic[T]):
    def rows(self):
        return [10, 20]
