# a logger's `log.log(level, msg, p)` only looks at the path: fixed
import logging

log = logging.getLogger(__name__)


def main(p):
    f = open(p, "w")
    f.write("x")
    log.log(logging.INFO, "wrote %s", p)
