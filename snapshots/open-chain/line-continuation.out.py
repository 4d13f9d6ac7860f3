import subprocess


# A `\` continuation inside a chained comparison is no operand: the file's read is the second operand,
# which always runs.
def newer(path, stamp):
    with open(path) as f:
        return stamp < \
            f.read()


# Nor is it an argument: `seconds` is the timeout, by position. Reported, not fixed.
def run_for(cmd, data, seconds):
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE).communicate(data, \
        seconds)
