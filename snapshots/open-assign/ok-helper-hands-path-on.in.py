# a function of the file that hands its parameter to `logging.FileHandler`
import logging

def log_line(path, msg):
    h = logging.FileHandler(path)
    h.setFormatter(logging.Formatter("%(message)s"))
    h.handle(logging.makeLogRecord({"msg": msg}))
    h.close()

def main(p):
    f = open(p, "a")
    f.write("first\n")
    log_line(p, "second")
