# Proof: a log appended to with open(log, "a").write() in a one-line if must be complete when read
import os
import tempfile

log = os.path.join(tempfile.mkdtemp(), "run.log")
verbose = True


def note(line):
    if verbose:
        with open(log, "a") as f:
            f.write(line + "\n")


for step in ("start", "work", "stop"):
    note(step)
with open(log) as _f:
    lines = _f.read().splitlines()
print(lines)
assert lines == ["start", "work", "stop"], "log lines were lost"
