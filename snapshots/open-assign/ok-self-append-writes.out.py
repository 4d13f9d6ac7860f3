# a method of `self` named like a container's (`self.append(out, …)`) may write the path: no mere look
class Job:
    def append(self, path, msg):
        with open(path, "a") as o:
            o.write(msg)

    def run(self, out):
        f = open(out, "w")
        f.write("header\n")
        self.append(out, "done\n")
