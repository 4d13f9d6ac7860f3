# A path that holds an `int(…)` is still a path: only a descriptor made as the argument itself (`open(int(s))`,
# `open(os.dup(1))`) is refused (ok-bytes-and-descriptors).
frame = lambda i, s: open("frame%d.txt" % int(i), "w").write(s)
