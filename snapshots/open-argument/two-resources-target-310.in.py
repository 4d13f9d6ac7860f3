# with --target-version 3.10 a long header with several items uses the parenthesised form
import shutil


def copy(src, dst):
    shutil.copyfileobj(open(src, "rb"), open(dst, "wb"))


def copy_long(source_directory_path, destination_directory_path, buffer_length):
    shutil.copyfileobj(open(source_directory_path + "/data.bin", "rb"), open(destination_directory_path + "/data.bin", "wb"), buffer_length)


def copy_multiline(source_directory_path, destination_directory_path):
    shutil.copyfileobj(
        open(source_directory_path, "rb"),
        open(destination_directory_path, "wb"),
    )
