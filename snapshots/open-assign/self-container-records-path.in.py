# `self.written.append(p)` records the path: fixed
class Exporter:
    def __init__(self):
        self.written = []

    def export(self, p):
        f = open(p, "w")
        f.write("x")
        self.written.append(p)
