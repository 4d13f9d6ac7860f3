import os

# Fixed: the consumer reads the pipe to its end.
names = list(os.popen("ls"))
text = "".join(os.popen("ls"))
biggest = max(os.popen("ls"))

# Reported: a with would wait for a command that may run on after the first line (CPython did not wait).
head = next(os.popen("echo one; sleep 3"))
found = any(os.popen("ls"))
first_two = list(zip(os.popen("ls"), [1, 2]))
