# Without --unsafe-fixes the pathlib rewrite is only offered, never applied
load = lambda p: open(p).read()
save = lambda p, s: open(p, "w").write(s)
