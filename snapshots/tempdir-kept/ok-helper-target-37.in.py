# Target 3.7: `cleanup()` raises FileNotFoundError for a directory gone, which the finalizer only printed. The path
# goes to a helper withify does not read (`publish`), to a command (`["mv", d, dest]` after `d = tmp.name`): either
# may move it, so the `with` is unsafe, offered only with --unsafe-fixes.
import os
import pathlib
import shutil
import subprocess
import tempfile


def publish(src, dest):
    shutil.move(src, dest)


def build(dest):
    tmp = tempfile.TemporaryDirectory()
    os.mkdir(os.path.join(tmp.name, "sub"))
    publish(tmp.name, dest)
    return "built"


def ship(dest):
    tmp = tempfile.TemporaryDirectory()
    d = tmp.name
    subprocess.run(["mv", d, dest], check=True)
    return "shipped"


def shell(dest):
    tmp = tempfile.TemporaryDirectory()
    os.system("mv %s %s" % (tmp.name, dest))
    return "shell"


def through_path(dest):
    tmp = tempfile.TemporaryDirectory()
    p = pathlib.Path(tmp.name)
    publish(p, dest)
    return "through a path"


def unbound(dest):
    tmp = tempfile.TemporaryDirectory()
    pathlib.Path.rename(pathlib.Path(tmp.name), dest)
    return "renamed"


def formatted(dest):
    tmp = tempfile.TemporaryDirectory()
    os.system("mv {} {}".format(tmp.name, dest))
    return "formatted"


def listed(dest):
    tmp = tempfile.TemporaryDirectory()
    dirs = []
    dirs.append(tmp.name)
    publish(dirs[0], dest)
    return "listed"
