import os


def has_line(path, line):
    # The file is read up to the first match, then dropped.
    return line + "\n" in open(path)


def missing(path, names):
    lost = [n for n in names if n]
    ok = "done\n" not in (open(path))
    return ok, lost


def written_then_checked(path):
    open(path, "w").write("x\n")
    return "x\n" in open(path)


def reported(path):
    if "x\n" in open(path):
        print("yes")
    found = os.path.basename(path) in open(path)
    chained = "a" in open(path) in [True]
    return found, chained
