# A function of the file given the path a writer is open on: it may write it, and a `with` ending before the call
# would flush the writer's data first, where CPython flushed it as the function returned (the bytes in another order)
LOG = "log.txt"


def append_to(path, text):
    with open(path, "a") as out:
        out.write(text)


def record(path):
    f = open(LOG, "a")
    f.write("started\n")
    append_to(LOG, "helper\n")
    g = open(path, "a")
    g.write("x")
    append_to(path=path, text="y")


def through_callables(path):
    import functools

    keep = functools.partial(append_to, path)
    h = open(path, "a")
    h.write("x")
    keep("y")


def through_closure(path):
    def add(text):
        with open(path, "a") as out:
            out.write(text)

    k = open(path, "a")
    k.write("x")
    add("y")
