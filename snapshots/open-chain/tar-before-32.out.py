# Before Python 3.2 a TarFile or a ZipFile is no context manager: `contextlib.closing(…)` closes it
import contextlib
import tarfile
import zipfile


def names(p):
    with contextlib.closing(tarfile.open(p)) as archive:
        return archive.getnames()


def members(p):
    with contextlib.closing(zipfile.ZipFile(p)) as archive:
        return archive.namelist()
