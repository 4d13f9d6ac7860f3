# An if/elif/else whose every branch ends in `f.close()`: one `with` holds the whole `if`, the closes go
import json


def load(path, kind):
    with open(path) as f:
        if kind == "json":
            data = json.load(f)
        elif kind == "lines":
            data = f.read().splitlines()
            # done with the lines
        else:
            data = f.read()
    return data


def header(path):
    with open(path) as f:
        first = f.readline()
        if first:
            pass
        else:
            print("empty:", path)
    return first


def sizes(paths):
    out = []
    for p in paths:
        with open(p, "rb") as f:
            if p.endswith(".txt"):
                out.append(len(f.read()))
            else:
                if not f.readable():
                    continue
                out.append(len(f.read(10)))
                # only the first ten bytes
    return out


def name_read_after(path, big):
    with open(path) as f:
        if big:
            f.read()
        else:
            f.readline()
    return f.name


def nested(path, big, first):
    with open(path) as f:
        if big:
            data = f.read()
        else:
            data = ""
            if first:
                data = f.readline()
            else:
                pass  # nothing read
    return data


def two_line_close(path, c):
    with open(path) as f:
        if c:
            data = f.read()
            # done
        else:
            data = None
    return data


def opened_in_handler(path, c):
    try:
        n = int(c)
    except ValueError:
        with open(path) as f:
            if c:
                data = f.read()
            else:
                data = f.readline()
        return data
    return n


def handler_last_in_branch(path, log, stream_class, verbose):
    with open(path, "w") as f:
        if verbose:
            f.write("verbose\n")
            log.addHandler(stream_class(f))
        else:
            pass
