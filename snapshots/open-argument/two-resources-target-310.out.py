# with --target-version 3.10 a long header with several items uses the parenthesised form
import shutil


def copy(src, dst):
    with open(src, "rb") as f, open(dst, "wb") as fh:
        shutil.copyfileobj(f, fh)


def copy_long(source_directory_path, destination_directory_path, buffer_length):
    with (
        open(source_directory_path + "/data.bin", "rb") as f,
        open(destination_directory_path + "/data.bin", "wb") as fh,
    ):
        shutil.copyfileobj(f, fh, buffer_length)


def copy_multiline(source_directory_path, destination_directory_path):
    with (
        open(source_directory_path, "rb") as f,
        open(destination_directory_path, "wb") as fh,
    ):
        shutil.copyfileobj(
            f,
            fh,
        )
