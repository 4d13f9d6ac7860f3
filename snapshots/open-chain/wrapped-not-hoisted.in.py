# A builtin's call at module level, and any call in a function: the `with` goes around the statement.
print(open("banner.txt").read())


def report(log, path):
    log.info("read %s", open(path).read())
