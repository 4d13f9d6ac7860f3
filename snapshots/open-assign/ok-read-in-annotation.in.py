# A parameter's annotation runs when the def does before 3.14, and from 3.14 only when `__annotations__` is read
# (PEP 649): a `with` ending after the def could close the file before that. Not fixed. A default value runs when
# the def does, in every version.


def main(p):
    f = open(p)

    def cb(x: f.readline()):
        return x

    return cb


def ret(p):
    f = open(p)

    def cb() -> f.readline():
        return 1

    return cb
