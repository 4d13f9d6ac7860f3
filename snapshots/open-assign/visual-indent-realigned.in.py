# Arguments aligned under the call's bracket stay aligned under it when `out = open(` becomes `with open(`.
import os


def write(path, data):
    out = open(path,
               "w",
               newline="")
    out.write(data)


def write_long_name(path, data):
    self_output_file_long = open(path,  # the (target
                                 "w")
    self_output_file_long.write(data)


def write_joined(base, name, data):
    out = open(os.path.join(base,
                            name), "w")
    out.write(data)


def write_nested(base, name, data):
    out = open(os.path.join(base,
                            name),
               "w")
    out.write(data)
