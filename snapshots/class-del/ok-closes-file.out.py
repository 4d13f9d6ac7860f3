# __del__ closes a file: reported on the def line
class Log:
    def __init__(self, path):
        self.f = open(path, "a")

    def __del__(self):  # expect: WFY110
        self.f.close()
