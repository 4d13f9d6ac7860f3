import os

LOG = os.path.join("/tmp", "app.log")
AUDIT = LOG  # audit events go to the main log in this deployment


def handle(req):
    # Not fixed: `LOG` and `AUDIT` may name one file, which the code flushes `log` first into; one `with` over both
    # would close `audit` first
    log = open(LOG, "a")
    audit = open(AUDIT, "a")
    log.write("request %s\n" % req)
    audit.write("audit %s\n" % req)
    log.close()
    audit.close()


def log_both(event, primary, mirror):
    # Not fixed: callers may pass one path for both
    p = open(primary, "a")
    m = open(mirror, "a")
    p.write("primary %s\n" % event)
    m.write("mirror %s\n" % event)
    p.close()
    m.close()



def by_keyword(event):
    # Not fixed: the path given by keyword names the same file for both
    first = open(file=LOG, mode="a")
    second = open(file=AUDIT, mode="a")
    first.write("first %s\n" % event)
    second.write("second %s\n" % event)
    first.close()
    second.close()


def relative(event):
    # Not fixed: "x.log" and "./x.log" are one file
    f = open("x.log", "w")
    g = open("./x.log", "a")
    f.write("first %s\n" % event)
    g.write("second %s\n" % event)
    f.close()
    g.close()
