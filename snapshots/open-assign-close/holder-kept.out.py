import contextlib
import logging

stack = contextlib.ExitStack()
log = logging.getLogger("run")


def work(n):
    if n:
        raise RuntimeError("boom")


def run(n):
    # Not fixed: the stack keeps the redirection; if `work` raises, the original leaves `out` open for it.
    out = open("run.out", "w")
    stack.enter_context(contextlib.redirect_stdout(out))
    work(n)
    stack.close()
    out.close()


def logged(n):
    # Not fixed: the logger keeps the handler, which goes on writing to `f` after an exception.
    f = open("run.log", "a")
    handler = logging.StreamHandler(f)
    log.addHandler(handler)
    work(n)
    log.removeHandler(handler)
    f.close()


def counted(path, parse):
    # Fixed: what `parse` returns stays local data, and nothing hands it on.
    with open(path) as f:
        items = parse(f)
        total = len(items)
    return total
