# A file on os.devnull: nothing written lands anywhere, in no order; a `yield` after its last use is no obstacle
import os
import subprocess


def cloned(cmd, quiet):
    with open(os.path.devnull, "w") as devnull:
        stdout = devnull if quiet else None
        subprocess.check_call(cmd, stdout=stdout)
    yield "done"
