import dataclasses
import threading
from typing import Generic, TypeVar

lock = threading.Lock()
T = TypeVar("T")


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class ListStore(Store):
    # Fixed: `rows` is inherited from `Store`, a generator holding a lock.
    def first(self):
        gen = self.rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()


class SortedStore(ListStore):
    # Fixed: inherited through a chain of classes of one base each.
    def first_sorted(self):
        gen = self.rows()
        try:
            for r in gen:
                if r:
                    break
        finally:
            gen.close()
        return r


class Overriding(Store):
    def rows(self):
        # Fixed: `super()` in a class no class of several bases derives from reaches `Store.rows`.
        gen = super().rows()
        try:
            for r in gen:
                return [r]
        finally:
            gen.close()

    def both(self):
        gen = super(Overriding, self).rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()


@dataclasses.dataclass
class KeptStore(Store):
    # Fixed: `@dataclass` keeps the methods of the class (no `rows` of its own).
    size: int = 0

    def first(self):
        gen = self.rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()


class TypedStore(Generic[T]):
    def rows(self):
        with lock:
            yield 1


class IntStore(TypedStore[int]):
    # Fixed: a generic base, `TypedStore[int]`, is `TypedStore` to the class statement.
    def first(self):
        gen = self.rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()

    def again(self):
        gen = super().rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()
