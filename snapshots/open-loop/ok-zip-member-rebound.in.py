import zipfile


def rebound(z, name, other):
    zf = zipfile.ZipFile(z)

    def swap():
        nonlocal zf
        zf = other

    swap()
    # Not fixed: `swap` binds `zf` to another object
    for line in zf.open(name):
        print(line)


ARCHIVE = zipfile.ZipFile("data.zip")


def use_other(other):
    global ARCHIVE
    ARCHIVE = other


def lines(name):
    # Not fixed: `use_other` binds `ARCHIVE` to another object
    for line in ARCHIVE.open(name):
        print(line)
