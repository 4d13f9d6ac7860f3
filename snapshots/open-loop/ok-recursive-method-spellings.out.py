# Reported without a fix: a loop over an eager read whose body calls its own method again, however the class is spelt (type(self), self.__class__, a classmethod's own first parameter, a nested class's dotted name, super(), an instance made there, a helper method between), or hands it on (map(self.m, …), an alias, getattr)
class Loader:
    def load(self, path):
        n = 0
        for line in open(path).readlines():
            n += type(self).load(self, line[8:].strip()) if line.startswith("include ") else 1
        return n

    def walk(self, path):
        n = 0
        for line in open(path).readlines():
            n += self.__class__.walk(self, line.strip()) if line.startswith("include ") else 1
        return n

    @classmethod
    def scan(klass, path):
        n = 0
        for line in open(path).readlines():
            n += klass.scan(line.strip()) if line.startswith("include ") else 1
        return n

    def read(self, path):
        n = 0
        for line in open(path).readlines():
            n += self.handle(line)
        return n

    def handle(self, line):
        return self.read(line[8:].strip()) if line.startswith("include ") else 1


    def each(self, path):
        n = 0
        for line in open(path).readlines():
            n += sum(map(self.each, [line.strip()])) if line.startswith("include ") else 1
        return n

    def again(self, path):
        n = 0
        step = self.again
        for line in open(path).readlines():
            n += step(line.strip()) if line.startswith("include ") else 1
        return n

    def named(self, path):
        n = 0
        for line in open(path).readlines():
            n += getattr(self, "named")(line.strip()) if line.startswith("include ") else 1
        return n

    def fresh(self, path):
        n = 0
        for line in open(path).readlines():
            n += Loader().fresh(line.strip()) if line.startswith("include ") else 1
        return n


class Child(Loader):
    def load(self, path):
        n = 0
        for line in open(path).readlines():
            n += super().load(line.strip()) if line.startswith("include ") else 1
        return n


def include(path):
    n = 0
    for line in open(path).readlines():
        n += sum(map(include, [line.strip()])) if line.startswith("include ") else 1
    return n


class Outer:
    class Inner:
        @staticmethod
        def load(path):
            n = 0
            for line in open(path).readlines():
                n += Outer.Inner.load(line.strip()) if line.startswith("include ") else 1
            return n
