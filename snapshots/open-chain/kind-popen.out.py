# subprocess.Popen only where the code waits for it at once: communicate() and wait()
import subprocess
from subprocess import PIPE, Popen

with subprocess.Popen(["echo", "hi"], stdout=PIPE, stderr=PIPE) as proc:
    out, err = proc.communicate()
with Popen(["true"], stdout=PIPE) as proc2:
    status = proc2.wait()
Popen(["sleep", "100"]).poll()  # fire and forget: a with would wait for it, so reported only
text = """
Popen(cmd).wait() in a string
"""
