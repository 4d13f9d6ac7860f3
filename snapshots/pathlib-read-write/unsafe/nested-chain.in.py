# A chain inside another chain's argument: the inner one is rewritten, then the outer one (next pass)
follow = lambda p: open(open(p).read().strip()).read()
