# Negative without --unsafe-fixes: a tar archive written and never closed. `TarFile` has no `__del__`, so CPython
# never wrote its end-of-archive blocks either; a `with` would write them and change the bytes returned
# (moto's `file2tar`: 1,024 bytes, 10,240 once closed). Written to a path (`packed`), offered behind
# --unsafe-fixes (unsafe/tar-written); written into a file object the code holds (`file2tar`), not found at all:
# it owns no descriptor, and neither interpreter finishes it at the drop.
import io
import tarfile


def file2tar(file_content, file_name):
    tarstream = io.BytesIO()
    tarf = tarfile.TarFile(fileobj=tarstream, mode="w")
    tarinfo = tarfile.TarInfo(name=file_name)
    tarinfo.size = len(file_content)
    tarf.addfile(tarinfo, io.BytesIO(file_content))
    tarstream.seek(0)
    return tarstream


def packed(path, mode):
    tar = tarfile.open(path, mode)
    tar.add(__file__)
    return path


if __name__ == "__main__":
    print(len(file2tar(b"data", "a.txt").getvalue()))
