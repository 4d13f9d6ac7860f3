# Stores on `self` in one method of a long class: whether the class closes them is read from the whole class,
# however far below the method that closes it stands. Reported, never fixed.


class Holder:
    def __init__(self, p):
        self.fh = open(p)

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

    def shut(self):
        self.fh.close()


class Leaky:
    def __init__(self, p):
        self.fh = open(p)  # expect: WFY105

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

    # self.fh.close() in a comment after the last method: no close


class Managed:
    def __init__(self, p):
        self.fh = open(p)

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

    @staticmethod
    def helper():
        return 1

    def __exit__(self, *exc):
        self.fh.close()
