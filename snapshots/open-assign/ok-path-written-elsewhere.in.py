# A file written and never closed, whose path the function writes again after its last use by other means than an
# open: a function of the file whose code names the path, `Path(P).write_text(…)`, `shutil.copy(src, P)`. CPython
# flushed the file at the function's end, over what those wrote; a `with` ending at the last use would write first
# (the file would end `xN` where it ended `x`). Reported, not fixed.
import pathlib
import shutil

P = "out.txt"


def note(s):
    with open(P, "a") as h:
        h.write(s)


def save():
    f = open(P, "w")
    f.write("x")
    note("N")


def save_then_path():
    f = open(P, "w")
    f.write("x")
    pathlib.Path(P).write_text("N")


def save_then_copy(src):
    f = open(P, "w")
    f.write("x")
    shutil.copy(src, P)


def log(msg, path=P):
    with open(path, "a") as h:
        h.write(msg)


def save_then_log():
    # `log`'s parameter defaults to `P`: it writes it
    f = open(P, "w")
    f.write("header\n")
    log("entry\n")


def save_then_copy_imported(src):
    from shutil import copy

    f = open(P, "w")
    f.write("x")
    copy(src, P)
