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
