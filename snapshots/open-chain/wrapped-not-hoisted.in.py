# A builtin's call at module level, any call in a function, and reads joined with an f-string (which runs code):
# the `with` goes around the statement.
print(open("banner.txt").read())


def report(log, path):
    log.info("read %s", open(path).read())


setup(long_description=open("README.rst").read() + f"\n{VERSION}\n")
