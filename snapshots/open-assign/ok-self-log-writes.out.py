# `self.log(out, …)`, a method of the class that appends to the path: no logger's message
class Job:
    def log(self, path, msg):
        with open(path, "a") as o:
            o.write(msg)

    def run(self, out):
        f = open(out, "w")
        f.write("header\n")
        self.log(out, "done\n")
