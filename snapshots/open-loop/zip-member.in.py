import zipfile


def lines(z, name):
    with zipfile.ZipFile(z) as zf:
        for line in zf.open(name):
            print(line)
