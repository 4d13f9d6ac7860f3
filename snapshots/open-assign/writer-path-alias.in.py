import os

LOG = os.path.join("/tmp", "app.log")
AUDIT = LOG


def handle(req):
    # `audit` is not fixed: `log`, a writer of a path that may be the same file, is still open; a `with` over `audit`
    # would flush it first, where CPython flushed `log` first at the function's end. `log`'s own `with` keeps that
    # order: it flushes `log` before the return flushes `audit`
    log = open(LOG, "a")
    log.write("request %s start\n" % req)
    audit = open(AUDIT, "a")
    audit.write("audit %s\n" % req)
    log.write("request %s end\n" % req)
