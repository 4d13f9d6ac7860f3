import zipfile


def after_close(z, name):
    zf = zipfile.ZipFile(z)
    with zf.open(name) as member:
        data = member.read()
    zf.close()
    return data


def in_with(z, name):
    with zipfile.ZipFile(z) as zf:
        with zf.open(name) as member:
            return member.read()


def written(z, name, text):
    with zipfile.ZipFile(z, "a") as zf:
        zf.open(name, "w").write(text)  # Not fixed: a member open for writing


def other_open(archive, name):
    # Not known to be a ZipFile: left alone
    return archive.open(name).read()


def rebound(z, name, other):
    zf = zipfile.ZipFile(z)
    if other:
        zf = other
    return zf.open(name).read()
