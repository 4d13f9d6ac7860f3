# Negative: f escapes before its close (returned, stored, captured): a with would close it early
def early(path, cache):
    f = open(path)
    if cache:
        return f
    f.read()
    f.close()


class Holder:
    def open(self, path):
        f = open(path)
        self.f = f
        f.read()
        f.close()


def captured(path):
    f = open(path)
    reader = lambda: f.read()
    reader()
    f.close()
    return reader


def declared(path):
    global f
    f = open(path)
    f.read()
    f.close()
