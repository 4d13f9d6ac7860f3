import zipfile


def lines(z, name):
    with zipfile.ZipFile(z) as zf:
        with zf.open(name) as member:
            for line in member:
                print(line)
