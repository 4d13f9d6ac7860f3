import os

# Fixed: read to its end, after which the command is done writing (closing the pipe waits for it).
with os.popen("uname -a") as _pipe:
    out = _pipe.read()
with os.popen("ls") as _proc:
    lines = _proc.readlines()
with os.popen("echo a; echo b") as _pipe2:
    a, b = _pipe2

# Reported: a with would wait for a command that may run on after the part read (CPython did not wait).
first = os.popen("echo ready; sleep 3").readline()
part = os.popen("ls").read(10)
hit = "x\n" in os.popen("ls")
os.popen("sort", "w").write("b\na\n")
