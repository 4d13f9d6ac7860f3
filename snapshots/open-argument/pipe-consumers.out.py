import os

# Fixed: the consumer reads the pipe to its end.
with os.popen("ls") as pipe:
    names = list(pipe)
with os.popen("ls") as proc:
    text = "".join(proc)
with os.popen("ls") as pipe2:
    biggest = max(pipe2)

# Reported: a with would wait for a command that may run on after the first line (CPython did not wait).
head = next(os.popen("echo one; sleep 3"))
found = any(os.popen("ls"))
first_two = list(zip(os.popen("ls"), [1, 2]))
