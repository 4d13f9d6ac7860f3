# __del__ that closes only what it made itself holds no resource of the instance; one bound from self does
def gen():
    yield 1


class Drained:
    def __del__(self):
        g = gen()
        try:
            next(g)
        finally:
            g.close()


class Reads:
    def __del__(self):
        with open("log") as f:
            f.readline()
        tmp = open("x")
        tmp.close()


class Made:
    def __del__(self):
        it = self.make()
        it.close()


class Alias:
    def __del__(self):  # expect: WFY110
        sock = getattr(self, "_sock", None)
        if sock is not None:
            sock.close()


class Children:
    def __del__(self):  # expect: WFY110
        for child in self.children:
            child.close()


class Held:
    def __del__(self):  # expect: WFY110
        s = self.sock
        s.close()


_pool = None


class Pooled:
    def __del__(self):  # expect: WFY110
        global _pool
        _pool = make_pool()
        _pool.close()
