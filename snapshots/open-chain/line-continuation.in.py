import subprocess


# A `\` continuation inside a chained comparison is no operand: the file's read is the second operand,
# which always runs.
def newer(path, stamp):
    return stamp < \
        open(path).read()


# Nor is it an argument: `seconds` is the timeout, by position. Reported, not fixed.
def run_for(cmd, data, seconds):
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE).communicate(data, \
        seconds)
