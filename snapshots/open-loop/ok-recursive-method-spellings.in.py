# Reported without a fix: a loop over an eager read whose body calls its own method again, however the class is spelt (type(self), self.__class__, a classmethod's own first parameter, a nested class's dotted name, a helper method between)
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


class Outer:
    class Inner:
        @staticmethod
        def load(path):
            n = 0
            for line in open(path).readlines():
                n += Outer.Inner.load(line.strip()) if line.startswith("include ") else 1
            return n
