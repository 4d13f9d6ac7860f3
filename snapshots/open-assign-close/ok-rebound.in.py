# Negative: f rebound before the close, so the close is another file's
def two(a, b):
    f = open(a)
    x = f.read()
    for f in [open(b)]:
        x += f.read()
    f.close()
    return x
