import os
import subprocess
import sys


def run_in_branch(name, log_path, quiet):
    # Not fixed: the child may write to the log after `Popen` returns, and a `with` ending with the `if` block would
    # flush the header before the function's end, where CPython did
    if not quiet:
        log = open(log_path, "w")
        log.write("== job %s ==\n" % name)
        proc = subprocess.Popen([sys.executable, "-c", "print('child')"], stdout=log, stderr=subprocess.STDOUT)
        proc.wait()


def run_fork(path):
    # Fixed: the `with` holds the rest of the function, as CPython held the file (the fork copies its buffer)
    with open(path, "w") as log:
        log.write("run started\n")
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)


def feed(path):
    # Fixed at its last use: the child reads the file through a descriptor of its own, nothing the parent wrote waits
    with open(path) as src:
        proc = subprocess.Popen(["cat"], stdin=src, stdout=subprocess.DEVNULL)
    return proc.wait()


def run_to_end(name, log_path):
    # Fixed at its last use: `subprocess.call` returns once the child has ended
    with open(log_path, "w") as log:
        log.write("== job %s ==\n" % name)
        subprocess.call([sys.executable, "-c", "print('child')"], stdout=log)
    return 0


def run_fileno(log_path):
    # Fixed, holding the rest of the function: the child gets the file's descriptor
    with open(log_path, "a") as log:
        log.write("start\n")
        proc = subprocess.Popen(["true"], stdout=log.fileno())
        proc.wait()
        print("done")


def run_all(jobs):
    # Fixed at its last use: the code writes nothing to the log itself, so nothing waits in its buffer
    procs = []
    for name, cmd in jobs:
        with open(name + ".log", "w") as log:
            procs.append(subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT))
    for p in procs:
        p.wait()
    return [p.returncode for p in procs]


def start(cmd, out):
    return subprocess.Popen(cmd, stdout=out)


def run_through_helper(log_path):
    # Fixed, holding the rest of the function: `start` hands the log to `Popen`
    with open(log_path, "w") as log:
        log.write("header\n")
        proc = start(["true"], log)
        proc.wait()
        return proc.returncode


def spawn_worker():
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)


def run_forking_helper(path):
    # Fixed, holding the rest of the function: `spawn_worker` forks, copying the log's unwritten buffer
    with open(path, "w") as log:
        log.write("header\n")
        spawn_worker()
        return 1
