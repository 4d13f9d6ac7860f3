import os

# Fixed: the consumer reads the pipe to its end.
with os.popen("ls") as _pipe:
    names = list(_pipe)
with os.popen("ls") as _proc:
    text = "".join(_proc)
with os.popen("ls") as _pipe2:
    biggest = max(_pipe2)

# Reported: a with would wait for a command that may run on after the first line (CPython did not wait).
head = next(os.popen("echo one; sleep 3"))
found = any(os.popen("ls"))
first_two = list(zip(os.popen("ls"), [1, 2]))
