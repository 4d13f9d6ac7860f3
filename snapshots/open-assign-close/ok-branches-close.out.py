# Closes in branches that do not cover every path, or with the file used after: reported, not fixed


def no_else(path, c):
    f = open(path)
    data = f.read()
    if c:
        f.close()
    return data


def used_after(path, c):
    f = open(path)
    if c:
        data = f.read()
        f.close()
    else:
        data = f.readline()
        f.close()
    f.seek(0)
    return data


def rebound_in_branch(path, other, c):
    f = open(path)
    if c:
        f = open(other)
        f.close()
    else:
        f.read()
        f.close()


def close_not_last(path, c):
    f = open(path)
    if c:
        data = f.read()
        f.close()
    else:
        f.close()
        data = None
    return data


def same_line(path, c):
    f = open(path)
    if c:
        data = f.read()
        f.close()
    else: f.close()


def returned(path, c):
    f = open(path)
    if c:
        return f
    else:
        f.read()
        f.close()


def other_close_last(path, c):
    f = open(path)
    if c:
        x = None
        f.close()
    else:
        x = f.read()
        f.close()
        print("closed")
    return x


def only_closes(path, c):
    f = open(path)
    data = f.read()
    if c:
        f.close()
    else:
        f.close()
    return data
