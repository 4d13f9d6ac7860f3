def gen(p):
    f = open(p)
    log = Log(f)
    yield log
    f.close()


class Log:
    def __init__(self, f):
        self.f = f


# The function above yields what holds its file (reported, not fixed); the module's own code yields nothing: its
# holder is no consumer's, and its `f` gets the `with`.
f = open(__file__)
log = Log(f)
print(len(log.f.read()))
f.close()
