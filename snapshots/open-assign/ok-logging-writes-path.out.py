# `logging.basicConfig(filename=p)` appends to the path: no mere look
import logging

def main(p):
    f = open(p, "a")
    f.write("first\n")
    logging.basicConfig(filename=p, format="%(message)s")
    logging.warning("second")
    logging.shutdown()
