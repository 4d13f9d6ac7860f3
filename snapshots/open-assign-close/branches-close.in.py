# An if/elif/else whose every branch ends in `f.close()`: one `with` holds the whole `if`, the closes go
import json


def load(path, kind):
    f = open(path)
    if kind == "json":
        data = json.load(f)
        f.close()
    elif kind == "lines":
        data = f.read().splitlines()
        f.close()  # done with the lines
    else:
        data = f.read()
        f.close()
    return data


def header(path):
    f = open(path)
    first = f.readline()
    if first:
        f.close()
    else:
        print("empty:", path)
        f.close()
    return first


def sizes(paths):
    out = []
    for p in paths:
        f = open(p, "rb")
        if p.endswith(".txt"):
            out.append(len(f.read()))
            f.close()
        else:
            if not f.readable():
                continue
            out.append(len(f.read(10)))
            f.close()
            # only the first ten bytes
    return out


def name_read_after(path, big):
    f = open(path)
    if big:
        f.read()
        f.close()
    else:
        f.readline()
        f.close()
    return f.name


def nested(path, big, first):
    f = open(path)
    if big:
        data = f.read()
        f.close()
    else:
        data = ""
        if first:
            data = f.readline()
            f.close()
        else:
            f.close(
            )  # nothing read
    return data


def two_line_close(path, c):
    f = open(path)
    if c:
        data = f.read()
        f.close(
        )  # done
    else:
        data = None
        f \
            .close()
    return data


def opened_in_handler(path, c):
    try:
        n = int(c)
    except ValueError:
        f = open(path)
        if c:
            data = f.read()
            f.close()
        else:
            data = f.readline()
            f.close()
        return data
    return n


def handler_last_in_branch(path, log, stream_class, verbose):
    f = open(path, "w")
    if verbose:
        f.write("verbose\n")
        log.addHandler(stream_class(f))
        f.close()
    else:
        f.close()
