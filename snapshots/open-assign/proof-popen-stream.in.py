# A log handed to a child process as its stdout: the header the parent wrote reaches the file when the file is
# flushed. CPython flushed it when `run_job` returned, after the child's output; a `with` ending at `Popen(...)`
# would write it while the child still runs. The fix's `with` holds the rest of the function.
import os
import subprocess
import sys
import tempfile


def run_job(name, log_path):
    log = open(log_path, "w")
    log.write("== job %s ==\n" % name)
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.2); print('child output')"], stdout=log)
    code = proc.wait()
    return code


path = os.path.join(tempfile.mkdtemp(), "job.log")
assert run_job("a", path) == 0
with open(path) as f:
    lines = f.read().splitlines()
print(lines)
assert lines == ["child output", "== job a =="], lines
