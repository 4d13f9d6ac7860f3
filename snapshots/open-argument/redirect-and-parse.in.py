import contextlib
import xml.dom.minidom


# `redirect_stdout` leaves the file open when its `with` ends: the file becomes an item of its own, ahead of it.
def capture(p):
    with contextlib.redirect_stdout(open(p, "w")):
        print("redirected")


def capture_errors(p):
    with contextlib.redirect_stderr(open(p, "a")):
        raise SystemExit("to the log")


# `minidom.parse` reads the file to its end and keeps no hold on it.
def titles(p):
    return xml.dom.minidom.parse(open(p)).getElementsByTagName("title")
