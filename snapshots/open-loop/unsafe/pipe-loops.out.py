import os

# Unsafe: the loop runs out, after which the command is done writing, but where `print` raises first, closing the
# pipe waits for the command (the fix is behind --unsafe-fixes)
with os.popen("ls") as _pipe:
    for line in _pipe:
        print(line)
        for c in line:
            if c == "x":
                break  # this inner loop's own
# Fixed: the comprehension runs out, and its own code raises nothing
with os.popen("ls") as _proc:
    names = [line for line in _proc]


# Reported: closing the pipe waits for the command, which may run on after the loop leaves.
for line in os.popen("echo first; sleep 3"):
    if line.startswith("first"):
        break


def first_match(cmd):
    for line in os.popen(cmd):
        if line:
            return line


anyx = any(line.startswith("x") for line in os.popen("ls"))


def lines(cmd):
    # Reported: the caller may drop this generator at the `yield`, the rest of the output unread.
    for line in os.popen(cmd):
        yield line


pairs = [(l, n) for l, n in zip(os.popen("ls"), range(3))]

# Unsafe: unpacking a line raises where it does not split in two
with os.popen("ls -l") as _pipe2:
    firsts = [a for a, b in _pipe2]
