import subprocess


# A file handed to a child as one of its standard streams: the child gets its own descriptor, and the call keeps
# no reference to the file, so a `with` around the statement closes the parent's copy.
def run_logged(cmd, log):
    with open(log, "w") as f:
        subprocess.call(cmd, stdout=f, stderr=subprocess.STDOUT)


def feed(cmd, path):
    with open(path) as f:
        return subprocess.run(cmd, stdin=f, capture_output=True).stdout


def checked(cmd, log):
    with open(log, "a") as f:
        return subprocess.check_output(cmd, stderr=f)


# `Popen` returns while the child runs; closing the parent's copy then does not disturb it. A file is no pipe:
# nothing of `p` is reported.
def spawn(cmd, log):
    with open(log, "a") as f:
        p = subprocess.Popen(cmd, stdout=f)
    return p


# By position: `Popen(args, bufsize, executable, stdin, stdout, stderr)`.
def spawn_positional(cmd, log):
    with open(log, "w") as f:
        return subprocess.Popen(cmd, -1, None, None, f)
