# The generator's call runs code of its own (an argument, a plain function that returns the generator): making it
# ahead of the statement would run that before the attribute read, a property, that came first. Reported.
def rows(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)


def side(tag):
    print("side", tag)
    return tag


def wrapped(tag):
    print("wrapped", tag)
    return rows(tag)


def b(c):
    r = c.v in rows(side("b"))
    return r


def d(c):
    r = c.v in wrapped("d")
    return r


class Log:
    @property
    def names(self):
        self.limit = 3
        return ["a", "b", "c"]

    def pairs(self):
        # `self.limit` is read after the property that sets it: made ahead of the loop, it would be read first
        for n, x in zip(self.names, rows(self.limit)):
            if x:
                break


LIMIT = 3


class Globals:
    @property
    def names(self):
        global LIMIT
        LIMIT = 1
        return ["a", "b", "c"]

    def pairs(self):
        # `LIMIT` is a global the property before it sets
        for n, x in zip(self.names, rows(LIMIT)):
            if x:
                break
