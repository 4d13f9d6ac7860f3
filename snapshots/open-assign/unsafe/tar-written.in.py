# With --unsafe-fixes: a tar archive written to a path and never closed goes into a `with`, which writes its
# end-of-archive blocks: a complete archive, and other bytes than the code left (CPython never wrote them
# either: `TarFile` has no `__del__`). Reading archives stay safe: `names` is fixed without the flag too.
# A plain tar written into a file object the code holds (`file2tar`, moto's) owns nothing: dropped, neither
# interpreter finishes it, and nothing is found.
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


def names(path):
    tar = tarfile.open(path, "r:*")
    found = tar.getnames()
    return found
