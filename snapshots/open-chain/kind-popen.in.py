# subprocess.Popen only where the code waits for it at once: communicate() and wait()
import subprocess
from subprocess import PIPE, Popen

out, err = subprocess.Popen(["echo", "hi"], stdout=PIPE, stderr=PIPE).communicate()
status = Popen(["true"], stdout=PIPE).wait()
Popen(["sleep", "100"]).poll()  # fire and forget: a with would wait for it, so reported only
text = """
Popen(cmd).wait() in a string
"""
