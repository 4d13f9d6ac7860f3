# subprocess.Popen only where it asks for a pipe and the code waits for it at once: wait() (communicate()
# closes the pipes itself; neither with a timeout)
import subprocess
from subprocess import PIPE, Popen

out, err = subprocess.Popen(["echo", "hi"], stdout=PIPE, stderr=PIPE).communicate()
with Popen(["true"], stdout=PIPE) as _proc:
    status = _proc.wait()
status = Popen(["true"]).wait()  # no pipe: nothing left to close
status = Popen(["true"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT).wait()
status = Popen(["true"], stdin=None).wait()
Popen(["sleep", "100"], stdout=PIPE).poll()  # fire and forget: a with would wait for it, so reported only
try:
    # a timeout: on TimeoutExpired a with would wait for the process with none, so reported only
    out, err = Popen(["sleep", "100"], stdout=PIPE).communicate(timeout=1)
except subprocess.TimeoutExpired:
    out = None
status = Popen(["sleep", "100"], stdout=PIPE).wait(1)  # a timeout by position
version = Popen(["python3", "-V"], stdout=PIPE).stdout.read()  # a pipe: a with would wait for the process
text = """
Popen(cmd).wait() in a string
"""
