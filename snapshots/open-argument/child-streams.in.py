import subprocess


# A file handed to a child as one of its standard streams: the child gets its own descriptor, and the call keeps
# no reference to the file, so a `with` around the statement closes the parent's copy.
def run_logged(cmd, log):
    subprocess.call(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT)


def feed(cmd, path):
    return subprocess.run(cmd, stdin=open(path), capture_output=True).stdout


def checked(cmd, log):
    return subprocess.check_output(cmd, stderr=open(log, "a"))


# `Popen` returns while the child runs; closing the parent's copy then does not disturb it. A file is no pipe:
# nothing of `p` is reported.
def spawn(cmd, log):
    p = subprocess.Popen(cmd, stdout=open(log, "a"))
    return p


# By position: `Popen(args, bufsize, executable, stdin, stdout, stderr)`.
def spawn_positional(cmd, log):
    return subprocess.Popen(cmd, -1, None, None, open(log, "w"))
