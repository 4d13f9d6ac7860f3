# Proof: a log file handed to a child process (`stdout=open(log, "w")`) stays open in the parent on PyPy until
# its GC runs, and a loop of such calls runs out of file descriptors.
import resource
import subprocess

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))


def run_logged(cmd, log):
    return subprocess.call(cmd, stdout=open(log, "w"), stderr=subprocess.STDOUT)


failures = 0
for i in range(200):
    failures += run_logged(["echo", "step %d" % i], "step.log")
with open("step.log") as f:
    print(failures, f.read().strip())
