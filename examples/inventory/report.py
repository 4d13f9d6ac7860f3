"""Write reports and logs."""
import time

LOG = "inventory.log"


def log(message, verbose=True):
    if verbose: open(LOG, "a").write("%s %s\n" % (time.strftime("%H:%M:%S"), message))


def write_report(path, items):
    lines = ["%-20s %5d" % (name, count) for name, count in sorted(items.items())]
    open(path, "w").write("\n".join(lines) + "\n")
    log("report written to " + path)


def header(path):
    # The first line of a report; the rest of the file is not needed.
    return open(path).readline().strip()


# Reported, not fixed: a lambda has no statement to wrap.
read_all = lambda path: open(path).read()
