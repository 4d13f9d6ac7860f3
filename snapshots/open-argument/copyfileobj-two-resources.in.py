# shutil.copyfileobj(open(a), open(b)): one with, two items in evaluation order, on one line below 3.10
import shutil


def copy(src, dst):
    shutil.copyfileobj(open(src, "rb"), open(dst, "wb"))


def copy_long(source_directory_path, destination_directory_path, buffer_length):
    shutil.copyfileobj(open(source_directory_path + "/data.bin", "rb"), open(destination_directory_path + "/data.bin", "wb"), buffer_length)


def mirror(a, b):
    open(b, "w").write(open(a).read())
