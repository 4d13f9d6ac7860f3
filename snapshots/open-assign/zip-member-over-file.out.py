import zipfile


def zip_member(path):
    # The member is closed by its own `with`, inside the file's: the file is open for every read of it
    with open(path, "rb") as raw:
        zf = zipfile.ZipFile(raw)
        with zf.open("n") as member:
            first = member.read(3)
            return first + member.read()
