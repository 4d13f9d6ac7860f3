# shutil.copyfileobj(open(a), open(b)): one with, two items in evaluation order, on one line below 3.10
import shutil


def copy(src, dst):
    with open(src, "rb") as f, open(dst, "wb") as fh:
        shutil.copyfileobj(f, fh)


def copy_long(source_directory_path, destination_directory_path, buffer_length):
    with open(source_directory_path + "/data.bin", "rb") as f, open(destination_directory_path + "/data.bin", "wb") as fh:
        shutil.copyfileobj(f, fh, buffer_length)


def mirror(a, b):
    open(b, "w").write(open(a).read())
