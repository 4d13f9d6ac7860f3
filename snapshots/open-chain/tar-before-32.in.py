# Before Python 3.2 a TarFile or a ZipFile is no context manager: `contextlib.closing(…)` closes it
import tarfile
import zipfile


def names(p):
    return tarfile.open(p).getnames()


def members(p):
    return zipfile.ZipFile(p).namelist()
