import contextlib
import xml.dom.minidom


# `redirect_stdout` leaves the file open when its `with` ends: the file becomes an item of its own, ahead of it.
def capture(p):
    with open(p, "w") as f, contextlib.redirect_stdout(f):
        print("redirected")


def capture_errors(p):
    with open(p, "a") as f, contextlib.redirect_stderr(f):
        raise SystemExit("to the log")


# `minidom.parse` reads the file to its end and keeps no hold on it.
def titles(p):
    with open(p) as f:
        return xml.dom.minidom.parse(f).getElementsByTagName("title")
