# A generator with cleanup held, before the directory, by a generator expression or a display the function binds:
# CPython dropped it first at the return (a frame's variables go in their order), so its cleanup saw the directory;
# `with tmp:` would remove the directory before that. Fixed only with --unsafe-fixes.
import os
import tempfile


def consumer(state):
    try:
        while True:
            yield
    finally:
        print("consumer sees the directory:", os.path.exists(state["dir"]))


def through_genexp():
    state = {}
    pending = (x for x in consumer(state))
    next(pending)
    tmp = tempfile.TemporaryDirectory()
    state["dir"] = tmp.name
    return "done"


def through_list():
    state = {}
    gs = [consumer(state)]
    next(gs[0])
    tmp = tempfile.TemporaryDirectory()
    state["dir"] = tmp.name
    return "done"


def through_comprehension():
    state = {}
    gs = [consumer(state) for _ in range(1)]
    next(gs[0])
    tmp = tempfile.TemporaryDirectory()
    state["dir"] = tmp.name
    return "done"


def through_append():
    state = {}
    gs = []
    gs.append(consumer(state))
    next(gs[-1])
    tmp = tempfile.TemporaryDirectory()
    state["dir"] = tmp.name
    return "done"
