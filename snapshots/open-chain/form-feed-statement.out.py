# A statement on a line that starts with a form feed: Python counts its indentation from after the form feed, so
# the `with` keeps the form feed and its lines are indented from there.


def load(p):
    n = 0
    with open(p) as f:
        data = f.read()
    return data


def load_mid(p):
    n = 0
        with open(p) as f:
        data = f.read()
    return data
