# `j.append(p, …)` where a class of the file defines `append`: no container's
class Journal:
    def append(self, path, line):
        with open(path, "a") as g:
            g.write(line)


def main(p):
    j = Journal()
    f = open(p, "a")
    f.write("first\n")
    j.append(p, "second\n")
