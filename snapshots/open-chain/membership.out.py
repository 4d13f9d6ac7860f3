import os


def has_line(path, line):
    # The file is read up to the first match, then dropped.
    return line + "\n" in open(path)


def missing(path, names):
    lost = [n for n in names if n]
    with open(path) as f:
        ok = "done\n" not in (f)
    return ok, lost


def written_then_checked(path):
    with open(path, "w") as f:
        f.write("x\n")
    with open(path) as fh:
        return "x\n" in fh


def reported(path):
    if "x\n" in open(path):
        print("yes")
    found = os.path.basename(path) in open(path)
    chained = "a" in open(path) in [True]
    return found, chained
