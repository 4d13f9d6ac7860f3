# A builtin's call at module level, and any call in a function: the `with` goes around the statement.
with open("banner.txt") as f:
    print(f.read())


def report(log, path):
    with open(path) as f:
        log.info("read %s", f.read())
