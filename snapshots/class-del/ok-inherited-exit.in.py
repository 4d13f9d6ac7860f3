# __exit__ inherited from a base in the same file or from io.IOBase: not reported; a plain base is
import io


class Base:
    def __exit__(self, *exc):
        self.close()


class Middle(Base):
    pass


class Leaf(Middle):
    def __del__(self):
        self.close()


class Raw(io.RawIOBase):
    def __del__(self):
        self.close()


class Plain(object):
    def __del__(self):  # expect: WFY110
        self.close()
