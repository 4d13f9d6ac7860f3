# `logging.FileHandler(p)` appends to the path
import logging

def main(p):
    f = open(p, "a")
    f.write("first\n")
    h = logging.FileHandler(p)
    h.setFormatter(logging.Formatter("%(message)s"))
    h.handle(logging.makeLogRecord({"msg": "second"}))
    h.close()
