# A builtin's call at module level, any call in a function, and reads joined with an f-string (which runs code):
# the `with` goes around the statement.
with open("banner.txt") as _f:
    print(_f.read())


def report(log, path):
    with open(path) as f:
        log.info("read %s", f.read())


with open("README.rst") as _fh:
    setup(long_description=_fh.read() + f"\n{VERSION}\n")
