# `self.written.append(p)` records the path: fixed
class Exporter:
    def __init__(self):
        self.written = []

    def export(self, p):
        with open(p, "w") as f:
            f.write("x")
        self.written.append(p)
