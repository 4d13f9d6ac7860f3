# Proof: running many commands with Popen(..., stdout=PIPE).wait() must not exhaust file descriptors
import resource
import subprocess

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))


def run(command):
    return subprocess.Popen(command, stdout=subprocess.PIPE).wait()


failures = 0
for i in range(80):
    failures += run(["true"]) != 0
print("failures:", failures)
