# Reported without a fix: a loop over an eager read whose body calls its own method again, a @staticmethod or a method defined in an `if` of the class (each level would hold its file)
import sys


class Loader:
    @staticmethod
    def load(path):
        n = 0
        for line in open(path).readlines():
            if line.startswith("include "):
                n += Loader.load(line[8:].strip())
            else:
                n += 1
        return n


class Walker:
    if sys.platform != "win32":
        def walk(self, path):
            n = 0
            for line in open(path).readlines():
                n += Walker.walk(self, line.strip()) if line.startswith("include ") else 1
            return n
