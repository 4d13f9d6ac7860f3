# `__del__` far from what decides: `__del__ = close` names a method far above it (reported where it is bound);
# an `__exit__` far below `def __del__` makes it a safety net (not reported).
import os


class Conn:
    def __init__(self, fd):
        self.fd = fd

    def close(self):
        os.close(self.fd)

    def m0(self):
        return 0

    def m1(self):
        return 1

    def m2(self):
        return 2

    def m3(self):
        return 3

    def m4(self):
        return 4

    def m5(self):
        return 5

    def m6(self):
        return 6

    def m7(self):
        return 7

    def m8(self):
        return 8

    def m9(self):
        return 9

    def m10(self):
        return 10

    def m11(self):
        return 11

    __del__ = close  # expect: WFY110


class Managed:
    def __init__(self, fd):
        self.fd = fd

    def __del__(self):
        os.close(self.fd)

    def m0(self):
        return 0

    def m1(self):
        return 1

    def m2(self):
        return 2

    def m3(self):
        return 3

    def m4(self):
        return 4

    def m5(self):
        return 5

    def m6(self):
        return 6

    def m7(self):
        return 7

    def m8(self):
        return 8

    def m9(self):
        return 9

    def m10(self):
        return 10

    def m11(self):
        return 11

    def __exit__(self, *exc):
        os.close(self.fd)
