# A `with` would close the file before a handler of a `try` around it runs, and the handler sees it: reported, not fixed
import logging

LOG_PATH = "errors.log"
callbacks = []


def view_in_handler(path, out):
    try:
        f = open(path, "rb")
        raw = f.raw
        int(f.read(2))
        f.close()
    except ValueError:
        out.append(raw.tell())


def finally_of_else(path, log):
    b = None
    try:
        log.append("start")
    except KeyError:
        pass
    else:
        f = open(path, "rb")
        b = f.raw
        int(f.read())
        f.close()
    finally:
        if b is not None:
            log.append(b.tell())


def note_error():
    with open(LOG_PATH, "a") as g:
        g.write("error\n")


def helper_writes_path(rec):
    try:
        f = open(LOG_PATH, "w")
        f.write("data\n")
        int(rec)
        f.close()
    except ValueError:
        note_error()


def logger_keeps_file(path, rec):
    try:
        f = open(path, "w")
        logging.basicConfig(stream=f, force=True)
        int(rec)
        f.close()
    except ValueError:
        logging.error("bad record")


def bound_method_kept(path, rec):
    try:
        f = open(path, "w")
        callbacks.append(f.write)
        f.write("data\n")
        int(rec)
        f.close()
    except ValueError:
        for cb in callbacks:
            cb("error\n")
