# Negative: already closed on every path (try/finally, with), nothing between, close on another path
def finally_form(path):
    f = open(path)
    try:
        return f.read()
    finally:
        f.close()


def managed(path):
    with open(path) as f:
        return f.read()


def nothing_between(path):
    f = open(path, "w")
    f.close()


def handed_on(path, parser):
    f = open(path)
    try:
        return parser(f)
    except Exception:
        f.close()
        raise


def some_paths(path):
    f = open(path)
    data = f.read()
    if data:
        f.close()
    return data
