# a helper that hands its parameter on in a call over several lines may write it
import logging


def log_to(path, msg):
    h = logging.FileHandler(
        path,
    )
    h.setFormatter(logging.Formatter("%(message)s"))
    lg = logging.getLogger("x")
    lg.addHandler(h)
    lg.warning(msg)
    h.close()
    lg.removeHandler(h)


def main(p):
    f = open(p, "a")
    f.write("first\n")
    log_to(p, "second")
