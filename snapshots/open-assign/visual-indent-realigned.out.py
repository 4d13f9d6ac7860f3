# Arguments aligned under the call's bracket stay aligned under it when `out = open(` becomes `with open(`.
import os


def write(path, data):
    with open(path,
              "w",
              newline="") as out:
        out.write(data)


def write_long_name(path, data):
    with open(path,  # the (target
              "w") as self_output_file_long:
        self_output_file_long.write(data)


def write_joined(base, name, data):
    with open(os.path.join(base,
                           name), "w") as out:
        out.write(data)


def write_nested(base, name, data):
    with open(os.path.join(base,
                           name),
              "w") as out:
        out.write(data)
