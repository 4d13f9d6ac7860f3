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
